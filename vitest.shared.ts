// In-repo tests run against each workspace package's TypeScript sources (the `@atlas-kit/source`
// export condition), so no build is needed before a test; users and the consumer check get dist/.
// The lists repeat Vite's defaults after our condition: setting `conditions` replaces them.
export const sourceConditions = {
  resolve: { conditions: ['@atlas-kit/source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['@atlas-kit/source', 'module', 'node', 'development|production'] } },
};
