// In-repo tests run against each workspace package's TypeScript sources (the `@atlas-kit/source`
// export condition), so no build is needed before a test; users and the consumer check get dist/.
// The lists repeat Vite's defaults after our condition: setting `conditions` replaces them.
export const sourceConditions = {
  resolve: { conditions: ['@atlas-kit/source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['@atlas-kit/source', 'module', 'node', 'development|production'] } },
};

/**
 * Test files share their workers (vitest's `isolate: false`): starting a worker per file cost more
 * CPU than the tests themselves in most packages (measured, CPU of the package's `test`: client
 * 16 → 5 s, mocks 30 → 18 s, drift 16 → 9 s, migrate 14 → 7 s, contracts 20 → 15 s).
 * Files that replace modules (`vi.mock`) or fake timers for a whole file keep their own worker:
 * list them in a project with `isolate: true`.
 * The time bound is 15 s, not vitest's 5 s: a cold `pnpm test` runs every package at once on two
 * cores, where a Digest check of the mocks that takes 40 ms alone once took over 5 s.
 */
export const sharedWorkers = { isolate: false, testTimeout: 15_000 } as const;

/**
 * The report CI counts (.ci/count-tests.ts sums every JSON file in a package's .test-results/):
 * a package whose tests ran must leave one, or CI counts a failure.
 */
export const jsonReport = {
  reporters: ['default', 'json'],
  outputFile: { json: '.test-results/vitest.json' },
};
