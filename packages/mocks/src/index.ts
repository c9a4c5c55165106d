// Core entry: environment-agnostic msw handlers (no node: imports). Node and browser helpers
// live in './node' and './browser', as msw splits 'msw/node' and 'msw/browser'.

export type { Reply } from './api-error.ts';
export {
  digestAuth,
  endpointErrorCodes,
  genericErrors,
  plainJsonMediaType,
  type RateLimitSet,
  rateLimitSets,
  sharedTierSnapshotsRateLimit,
} from './documented-facts.ts';
export { type AtlasHandlers, createAtlasHandlers } from './handlers.ts';
export { defaultLimits } from './limits.ts';
/** Answer bodies, as the spec types them: what `await response.json()` holds in a frontend test. */
export type { FlexBackupRestoreJob, TenantRestore } from './restore-jobs.ts';
export type { FlexBackupSnapshot, FlexBackupSnapshotPage, SeedFlexSnapshots } from './snapshots.ts';
export { atlasOperationIds, rateLimitedErrorCode } from './spec.ts';
export { AnswerContext, type AnswerStep, answerSteps, type MockState } from './steps/index.ts';
export type {
  AtlasControl,
  AtlasMockOptions,
  AtlasOperationId,
  AtlasScenario,
  AuthOptions,
  Clock,
  DocumentedErrorCode,
  DocumentedStatus,
  ErrorScenario,
  ErrorStatus,
  MockLimits,
  OperationScenario,
  RateLimitOptions,
  RestoreApi,
  RestoreJobStatus,
  RestoreJobView,
  RestoreOutcome,
  SeedRestoreJob,
} from './types.ts';
