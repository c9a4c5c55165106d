// Interactions the Prism verification leaves out, each with the documented reason. Prism mocks the
// spec statelessly from its examples; these interactions assert something it cannot express.
// Every entry is listed in the summary of `pnpm contracts` and in the README; a test fails when
// an entry names no interaction of the pact (so the list cannot go stale silently).
export const prismExclusions: ReadonlyMap<string, string> = new Map([
  [
    'a tenant snapshot download request, answered with the deprecation signal',
    'Prism 5.16 answers every operation marked `deprecated: true` with its own `Deprecation: true` header ' +
      '(draft form) in place of the documented example, so it cannot serve the HTTP-date form this interaction ' +
      'asserts. The mocks verification covers it; the comparator checks the headers are documented.',
  ],
]);
