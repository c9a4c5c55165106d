// The public option and scenario types. Statuses come from the generated spec types, so a
// scenario can only select a status the operation documents.
import type { operations as facts } from '@atlas-kit/openapi';
import type { operations } from '@atlas-kit/openapi/types';
import type { AuthOptions } from './auth.ts';
import type { MockLimits } from './limits.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import type { RestoreJob, RestoreOutcome, SeedRestoreJob } from './restore-jobs.ts';
import type { FlexBackupSnapshot, SeedFlexSnapshots } from './snapshots.ts';
import type { AtlasOperationId } from './spec.ts';

export type { AtlasOperationId } from './spec.ts';

/** The statuses the spec documents for an operation (e.g. 200 | 400 | 401 | …). */
export type DocumentedStatus<Op extends AtlasOperationId> = keyof operations[Op]['responses'] & number;

/** The error statuses a scenario can select for an operation. */
export type ErrorStatus<Op extends AtlasOperationId> = Exclude<DocumentedStatus<Op>, 200>;

type Responses<Op extends AtlasOperationId> = (typeof facts)[Op]['responses'];

/** The errorCodes Atlas documents for an operation and status (compiled from specs/ and its overlay). */
export type DocumentedErrorCode<Op extends AtlasOperationId, S extends number> = `${S}` extends keyof Responses<Op>
  ? Responses<Op>[`${S}`] extends { errorCodes: readonly (infer C)[] }
    ? C
    : never
  : never;

/** An error answer: the status, optionally the errorCode (documented ones are suggested) and detail. */
export type ErrorScenario<Op extends AtlasOperationId> = {
  [S in ErrorStatus<Op>]: {
    status: S;
    /** Default: the first documented endpoint code, else Atlas's generic code for the status (README, "Error codes"). */
    errorCode?: DocumentedErrorCode<Op, S> | (string & {});
    detail?: string;
  } & (S extends 429 ? { /** Retry-After in seconds (default: time for one token). */ retryAfter?: number } : unknown) &
    (S extends 400
      ? {
          /** Sent as `badRequestDetail.fields`, e.g. `[{ field: 'snapshotId', description: '…' }]`. */
          fields?: readonly { field: string; description: string }[];
        }
      : unknown);
}[ErrorStatus<Op>];

/** What one operation answers to a well-formed, authorised request. */
export type OperationScenario<Op extends AtlasOperationId> = { status: 200 } | ErrorScenario<Op>;

/** Scenario of a handler set; changeable at run time with `atlas.setScenario()`. */
export type AtlasScenario = {
  [Op in AtlasOperationId]?: OperationScenario<Op>;
} & {
  /** How restore jobs end once polled past RUNNING (default COMPLETED). */
  restoreOutcome?: RestoreOutcome;
  /** Delay of every answer, in milliseconds (default: the `latencyMs` option, else 0). */
  latencyMs?: number;
};

export type Clock = () => Date;

export interface AtlasMockOptions {
  /**
   * Origin the handlers answer for. Default: the spec's server (`https://cloud.mongodb.com`).
   * `'*'` matches any origin (what the HTTP server uses); a frontend behind a proxy can pass
   * `location.origin`.
   */
  baseUrl?: string;
  /** Time source for the lifecycle (sunset), the rate limit and job dates. Default: `() => new Date()`. */
  clock?: Clock;
  /** Initial scenario (also what `atlas.reset()` returns to). */
  scenario?: AtlasScenario;
  /** Token bucket per project; defaults are Atlas's documented Shared Tier Snapshots limits. */
  rateLimit?: RateLimitOptions;
  /** Which credentials count (default: any well-formed Bearer or Digest credentials). */
  auth?: AuthOptions;
  /**
   * Requests under the API prefix (`/api/atlas/v2/…`) that no operation matches
   * (other paths, other methods): `'not-found'` (default) answers 405 with `Allow` for another
   * method on an operation's path, else 404 RESOURCE_NOT_FOUND as Atlas does; `'unhandled'` adds
   * no catch-all, so msw's `onUnhandledFrame` policy applies.
   */
  unmatched?: 'not-found' | 'unhandled';
  /** Delay of every answer in milliseconds (default 0, at most 2^31 - 1). */
  latencyMs?: number;
  /** Bounds of the mock (request body size, restore jobs and rate buckets kept); see README "Limits". */
  limits?: MockLimits;
}

/** A restore job as the mock holds it. */
export type RestoreJobView = Readonly<RestoreJob>;

/** Run-time control of a live handler set (also returned by the node/browser/HTTP helpers). */
export interface AtlasControl {
  /** Replaces the scenario (operations it does not name answer normally). */
  setScenario(scenario: AtlasScenario): void;
  /** The scenario in force. */
  readonly scenario: Readonly<AtlasScenario>;
  /** Back to the initial state: option scenario and clock, no jobs, ids restart, full buckets. */
  reset(): void;
  /** Replaces the clock (e.g. to move past the sunset from a Pact provider state). */
  setClock(clock: Clock): void;
  /** Creates a restore job directly (e.g. for a poll-only Pact interaction). */
  seedRestoreJob(job: SeedRestoreJob): RestoreJobView;
  /** The jobs kept (at most limits.restoreJobs), oldest first. */
  listRestoreJobs(): RestoreJobView[];
  /**
   * Replaces the snapshots of one Flex cluster (newest first; `[]`: none yet). Until then every
   * Flex cluster lists the spec example's three snapshots. Returns the cluster's list.
   */
  seedFlexSnapshots(seed: SeedFlexSnapshots): FlexBackupSnapshot[];
}

export type { AuthOptions } from './auth.ts';
export type { MockLimits } from './limits.ts';
export type { RateLimitOptions } from './rate-limit.ts';
export type { RestoreApi, RestoreJobStatus, RestoreOutcome, SeedRestoreJob } from './restore-jobs.ts';
export type { FlexBackupSnapshot, FlexBackupSnapshotPage, SeedFlexSnapshots } from './snapshots.ts';
