import { defineConfig } from 'vitest/config';
import { jsonReport, sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...sharedWorkers,
    include: ['test/**/*.test.ts'],
    ...jsonReport,
    // the CLI tests spawn Node on multi-MB specs; the machines are shared 2-core boxes
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
