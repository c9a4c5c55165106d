import { defineConfig } from 'vitest/config';
import { jsonReport, sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

// Type tests (test/*.test-d.ts) run once, in the workspace's `typecheck` task (the root tsc over src and test).
export default defineConfig({
  ...sourceConditions,
  test: {
    ...sharedWorkers,
    include: ['test/**/*.test.ts'],
    ...jsonReport,
  },
});
