// `@atlas-kit/migration-notice/core`: the facts of the migration, the lifecycle and the tenant<->flex
// translators, without the header parser (http-link-header) and the notice catalogues. For code
// that needs those only now and then, e.g. a browser client that loads them when an answer
// reports a deprecation (the main entry exports all of this too).
export {
  type DeprecatedOperation,
  deprecatedOperation,
  deprecationDate,
  type ReplacementOperation,
  type RestoreJobPoll,
  replacementOperation,
  restoreJobPolls,
  sunsetDate,
} from './facts.ts';
export type { DeprecationSignal } from './headers.ts';
export * from './lifecycle.ts';
export * from './translators.ts';
