import { defineConfig } from 'vitest/config';
import { jsonReport, sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...sharedWorkers,
    include: ['test/**/*.test.ts'],
    ...jsonReport,
    // the codemod test copies the fixture, type-checks it with tsc and spawns the CLI: slow on 2 shared cores
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
