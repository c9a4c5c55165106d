import { defineConfig } from 'vitest/config';
import { jsonReport, sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...sharedWorkers,
    include: ['test/**/*.test.ts'],
    ...jsonReport,
  },
});
