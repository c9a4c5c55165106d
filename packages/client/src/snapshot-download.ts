// requestSnapshotDownload: one call that survives the migration. It asks the deprecated tenant
// endpoint while it lives and the flex replacement when asked to, once the sunset (x-sunset, via
// migration-notice's lifecycle) has passed, or when the tenant endpoint answers 410; then it polls
// the restore-job endpoint of the same family until the job is COMPLETED or FAILED.
import {
  fromFlexRestoreJob,
  fromTenantRestore,
  lifecycle,
  type SnapshotDownloadResult,
  toFlexDownloadRequest,
  toFlexPathParams,
} from '@atlas-kit/migration-notice/core';
import type { AtlasClient } from './client.ts';
import {
  AtlasApiError,
  AtlasTimeoutError,
  AtlasValidationError,
  NoCompletedSnapshotError,
  RestoreJobFailedError,
} from './errors.ts';
import type { FlexBackupSnapshot } from './operations.ts';
import { sleep } from './sleep.ts';

export interface SnapshotDownloadRequest {
  groupId: string;
  clusterName: string;
  snapshotId: string;
  /** Tenant body field; defaults to `clusterName` (a download restores nothing). */
  targetDeploymentItemName?: string;
  /** Go straight to downloadFlexBackup. */
  useFlex?: boolean;
  signal?: AbortSignal;
  /** The whole flow, polls included. Default 900 000 ms (15 min). */
  timeoutMs?: number;
  /** First wait between polls; grows ×1.5 up to 30 s. Default 2 000 ms. */
  pollIntervalMs?: number;
  /** Called with each status seen (each change, the first answer included). */
  onStatus?: (event: SnapshotStatusEvent) => void;
}

export interface SnapshotStatusEvent {
  source: 'tenant' | 'flex';
  status: string;
  job: SnapshotDownloadResult;
  at: Date;
  /** 0 for the download answer, then 1, 2, … for the polls. */
  poll: number;
}

export type SnapshotRouteReason = 'tenant-live' | 'use-flex' | 'sunset-passed' | 'tenant-gone' | 'latest-snapshot';

export interface SnapshotRoute {
  source: 'tenant' | 'flex';
  reason: SnapshotRouteReason;
  /**
   * Fields of the request that the route could not send, present only when there are any: on the
   * flex route `targetDeploymentItemName` (the flex download body has only `snapshotId`).
   */
  ignored?: Array<'targetDeploymentItemName'>;
}

/** The newest completed snapshot of a Flex cluster, downloaded: no snapshot id to give. */
export type LatestSnapshotDownloadRequest = Omit<
  SnapshotDownloadRequest,
  'snapshotId' | 'useFlex' | 'targetDeploymentItemName'
> & {
  /** Pages of snapshots read at most while looking for the newest (default 20 of 500). */
  maxPages?: number;
};

export type SnapshotDownloadOutcome = SnapshotDownloadResult & {
  snapshotUrl: string;
  route: SnapshotRoute;
  statuses: SnapshotStatusEvent[];
  /** requestLatestSnapshotDownload only: the snapshot it found (id, finish time, …). */
  snapshot?: FlexBackupSnapshot;
};

const DEFAULT_TIMEOUT_MS = 900_000;
const DEFAULT_POLL_MS = 2_000;
const MAX_POLL_MS = 30_000;
const BACKOFF = 1.5;

function translate(operationId: string, status: number, convert: () => SnapshotDownloadResult): SnapshotDownloadResult {
  try {
    return convert();
  } catch (error) {
    throw new AtlasApiError({
      operationId,
      status,
      detail: `unexpected answer: ${error instanceof Error ? error.message : String(error)}`,
      rateLimit: {},
    });
  }
}

// The caller's name of each flex path parameter, from migration-notice's own mapping (clusterName →
// name), so that a flex call's validation error names the field the caller filled in.
const callerNames = new Map(Object.entries(toFlexPathParams({ groupId: 'groupId', clusterName: 'clusterName' })));

/** A flex call whose bad input is reported under the caller's field names. */
async function asCaller<T>(flexCall: () => Promise<T>): Promise<T> {
  try {
    return await flexCall();
  } catch (error) {
    if (!(error instanceof AtlasValidationError)) throw error;
    throw new AtlasValidationError(
      error.operationId,
      error.issues.map((i) => ({ ...i, field: callerNames.get(i.field) ?? i.field })),
    );
  }
}

type Issue = { field: string; location: 'path' | 'query' | 'body'; message: string };

/**
 * Everything a flow's input must be, checked before its first request: the ids it sends, and the
 * numbers that bound it (a bad one found after the first request would have sent it for nothing).
 */
function checkRequest(
  operation: 'requestSnapshotDownload' | 'requestLatestSnapshotDownload',
  input: Partial<SnapshotDownloadRequest> & { maxPages?: number },
): void {
  if (!input || typeof input !== 'object') {
    throw new AtlasValidationError(operation, [{ field: 'input', location: 'body', message: 'must be an object' }]);
  }
  const issues: Issue[] = [];
  const ids =
    operation === 'requestSnapshotDownload'
      ? (['groupId', 'clusterName', 'snapshotId'] as const)
      : (['groupId', 'clusterName'] as const);
  for (const field of ids) {
    if (typeof input[field] !== 'string' || input[field] === '') {
      issues.push({
        field,
        location: field === 'snapshotId' ? 'body' : 'path',
        message: 'is required (a non-empty string)',
      });
    }
  }
  if (input.pollIntervalMs !== undefined && !(Number.isFinite(input.pollIntervalMs) && input.pollIntervalMs >= 0)) {
    issues.push({ field: 'pollIntervalMs', location: 'body', message: 'must be a number ≥ 0' });
  }
  if (input.timeoutMs !== undefined && !(Number.isFinite(input.timeoutMs) && input.timeoutMs > 0)) {
    issues.push({ field: 'timeoutMs', location: 'body', message: 'must be a positive number' });
  }
  if (operation === 'requestLatestSnapshotDownload' && input.maxPages !== undefined) {
    if (!Number.isInteger(input.maxPages) || input.maxPages < 1) {
      issues.push({ field: 'maxPages', location: 'body', message: 'must be a positive integer' });
    }
  }
  if (issues.length > 0) throw new AtlasValidationError(operation, issues);
}

/**
 * Runs `flow` under the input's `timeoutMs` (default 15 min) and `signal`: one deadline for every
 * request of it, the snapshot listing included. Running out of time is an AtlasTimeoutError; the
 * caller's own abort stays the caller's error.
 */
async function withDeadline<T>(
  operation: string,
  input: { signal?: AbortSignal; timeoutMs?: number },
  flow: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
  try {
    return await flow(signal);
  } catch (error) {
    if (timeout.aborted && !input.signal?.aborted) throw new AtlasTimeoutError(operation, timeoutMs);
    throw error;
  }
}

export async function requestSnapshotDownload(
  client: AtlasClient,
  input: SnapshotDownloadRequest,
  context: { now: () => Date },
): Promise<SnapshotDownloadOutcome> {
  checkRequest('requestSnapshotDownload', input);
  return await withDeadline('requestSnapshotDownload', input, (signal) => download(client, input, context, signal));
}

export async function requestLatestSnapshotDownload(
  client: AtlasClient,
  input: LatestSnapshotDownloadRequest,
  context: { now: () => Date },
): Promise<SnapshotDownloadOutcome> {
  checkRequest('requestLatestSnapshotDownload', input);
  const { maxPages, ...rest } = input;
  return await withDeadline('requestLatestSnapshotDownload', input, async (signal) => {
    const path = toFlexPathParams({ groupId: input.groupId, clusterName: input.clusterName });
    const latest = await asCaller(() =>
      client.latestFlexSnapshot(path, { ...(maxPages === undefined ? {} : { maxPages }), signal }),
    );
    if (!latest?.id) throw new NoCompletedSnapshotError(input.groupId, input.clusterName);
    const outcome = await download(client, { ...rest, snapshotId: latest.id }, context, signal, {
      source: 'flex',
      reason: 'latest-snapshot',
    });
    return { ...outcome, snapshot: latest };
  });
}

/** The download and its polls, on a checked input, until `signal` ends them. */
async function download(
  client: AtlasClient,
  input: SnapshotDownloadRequest,
  context: { now: () => Date },
  signal: AbortSignal,
  forcedRoute?: SnapshotRoute,
): Promise<SnapshotDownloadOutcome> {
  const { groupId, clusterName, snapshotId } = input;
  const statuses: SnapshotStatusEvent[] = [];

  const see = (job: SnapshotDownloadResult, poll: number) => {
    if (statuses.at(-1)?.status === job.status) return;
    const event: SnapshotStatusEvent = { source: job.source, status: job.status, job, at: new Date(), poll };
    statuses.push(event);
    input.onStatus?.(event);
  };

  let route: SnapshotRoute | undefined;
  let job: SnapshotDownloadResult | undefined;
  if (forcedRoute) route = forcedRoute;
  else if (input.useFlex) route = { source: 'flex', reason: 'use-flex' };
  else if (lifecycle(context.now()).phase === 'sunset') route = { source: 'flex', reason: 'sunset-passed' };
  else {
    try {
      const res = await client.downloadClusterBackupTenant(
        { groupId, clusterName },
        { snapshotId, targetDeploymentItemName: input.targetDeploymentItemName ?? clusterName },
        { signal },
      );
      job = translate(res.operationId, res.status, () => fromTenantRestore(res.data));
      route = { source: 'tenant', reason: 'tenant-live' };
    } catch (error) {
      // 410: the tenant resource is gone, so no restore job was started; the flex call is safe.
      if (!(error instanceof AtlasApiError && error.status === 410)) throw error;
      route = { source: 'flex', reason: 'tenant-gone' };
    }
  }
  if (!job) {
    const res = await asCaller(() =>
      client.downloadFlexBackup(toFlexPathParams({ groupId, clusterName }), toFlexDownloadRequest({ snapshotId }), {
        signal,
      }),
    );
    job = translate(res.operationId, res.status, () => fromFlexRestoreJob(res.data));
    // A download restores nothing and the flex body has no such field: rather than fail a call that
    // worked before the sunset, the route is taken without it and the outcome says so.
    if (input.targetDeploymentItemName !== undefined) route = { ...route, ignored: ['targetDeploymentItemName'] };
  }
  see(job, 0);

  let wait = input.pollIntervalMs ?? DEFAULT_POLL_MS;
  for (let poll = 1; ; poll++) {
    if (job.status === 'COMPLETED') {
      if (!job.snapshotUrl) throw new RestoreJobFailedError(job, 'completed without a snapshotUrl');
      return { ...job, snapshotUrl: job.snapshotUrl, route, statuses };
    }
    if (job.status === 'FAILED') throw new RestoreJobFailedError(job);
    await sleep(wait, signal);
    wait = Math.min(wait * BACKOFF, MAX_POLL_MS);
    if (job.source === 'tenant') {
      const res = await client.getBackupTenantRestore({ groupId, clusterName, restoreId: job.id }, { signal });
      job = translate(res.operationId, res.status, () => fromTenantRestore(res.data));
    } else {
      const res = await client.getFlexRestoreJob(
        { ...toFlexPathParams({ groupId, clusterName }), restoreJobId: job.id },
        { signal },
      );
      job = translate(res.operationId, res.status, () => fromFlexRestoreJob(res.data));
    }
    see(job, poll);
  }
}
