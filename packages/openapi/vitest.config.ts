import { defineConfig } from 'vitest/config';
import { sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

// Type tests (test/*.test-d.ts) run once, in the package's `typecheck` task (tsc over src and test).
export default defineConfig({
  ...sourceConditions,
  test: {
    ...sharedWorkers,
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
  },
});
