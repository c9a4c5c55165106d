import { defineConfig } from 'vitest/config';
import { sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...sharedWorkers,
    include: ['test/**/*.test.ts'],
    // CI sums every package's JSON report in .test-results/ (see .ci/count-tests.ts)
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    // the CLI tests spawn Node on multi-MB specs; the machines are shared 2-core boxes
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
