import { defineConfig } from 'vitest/config';
import { jsonReport, sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

// These replace modules for the whole file (vi.mock): each keeps a worker of its own.
const ownWorker = ['test/spec-facts.test.ts', 'test/lazy-parts.test.ts'];

export default defineConfig({
  ...sourceConditions,
  test: {
    ...jsonReport,
    projects: [
      { extends: true, test: { name: 'shared', ...sharedWorkers, include: ['test/**/*.test.ts'], exclude: ownWorker } },
      { extends: true, test: { name: 'own', include: ownWorker } },
    ],
  },
});
