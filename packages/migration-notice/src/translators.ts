// Tenant <-> flex translation, typed from the generated OpenAPI types so that a schema change in
// specs/ breaks the build here instead of silently dropping a field.
import type { components } from '@atlas-kit/openapi/types';

export type TenantRestore = components['schemas']['TenantRestore'];
export type FlexBackupSnapshotDownloadCreate20241113 =
  components['schemas']['FlexBackupSnapshotDownloadCreate20241113'];
export type FlexBackupRestoreJob20241113 = components['schemas']['FlexBackupRestoreJob20241113'];
type ApiLink = components['schemas']['Link'];

/**
 * The body of a tenant download request. The schema (TenantRestore) also requires
 * targetDeploymentItemName, but only snapshotId has a flex counterpart, so only it is demanded.
 */
export type TenantDownloadRequest = Pick<TenantRestore, 'snapshotId'> & Partial<Omit<TenantRestore, 'snapshotId'>>;

/** One shape for the answer of both download paths and both polls. */
export interface SnapshotDownloadResult {
  /** Which API answered: the deprecated tenant endpoints or the flex replacement. */
  source: 'tenant' | 'flex';
  /** Restore job id: tenant `id` (the restoreId of the poll) / flex `id` (the restoreJobId). */
  id: string;
  /** Tenant `clusterName`, flex `instanceName`. */
  clusterName?: string;
  snapshotId?: string;
  status: string;
  deliveryType?: string;
  snapshotUrl?: string;
  expirationDate?: string;
  projectId?: string;
  targetProjectId?: string;
  targetDeploymentItemName?: string;
  restoreScheduledDate?: string;
  restoreFinishedDate?: string;
  snapshotFinishedDate?: string;
  links?: ApiLink[];
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(
      `${what} must be a non-empty string, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
    );
  }
  return value;
}

function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(
      `${what} must be an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * Tenant download request → flex download request. Only snapshotId carries over:
 * targetDeploymentItemName / targetProjectId have no flex counterpart (a flex download always
 * answers with a snapshotUrl for the cluster named in the path).
 */
export function toFlexDownloadRequest(body: TenantDownloadRequest): FlexBackupSnapshotDownloadCreate20241113 {
  const b = requireObject(body, 'toFlexDownloadRequest: the tenant request body');
  return { snapshotId: requireString(b.snapshotId, 'toFlexDownloadRequest: snapshotId') };
}

/** Tenant path parameters → flex path parameters (`clusterName` → `name`). */
export function toFlexPathParams(params: { groupId: string; clusterName: string }): { groupId: string; name: string } {
  const p = requireObject(params, 'toFlexPathParams: params');
  return {
    groupId: requireString(p.groupId, 'toFlexPathParams: groupId'),
    name: requireString(p.clusterName, 'toFlexPathParams: clusterName'),
  };
}

function common(
  source: 'tenant' | 'flex',
  job: TenantRestore | FlexBackupRestoreJob20241113,
  clusterName: string | undefined,
  what: string,
) {
  const j = requireObject(job, what);
  const result: SnapshotDownloadResult = {
    source,
    id: requireString(j.id, `${what}: id`),
    status: requireString(j.status, `${what}: status`),
  };
  const copy = {
    clusterName,
    snapshotId: job.snapshotId,
    deliveryType: job.deliveryType,
    snapshotUrl: job.snapshotUrl,
    expirationDate: job.expirationDate,
    projectId: job.projectId,
    targetProjectId: job.targetProjectId,
    targetDeploymentItemName: job.targetDeploymentItemName,
    restoreScheduledDate: job.restoreScheduledDate,
    restoreFinishedDate: job.restoreFinishedDate,
    snapshotFinishedDate: job.snapshotFinishedDate,
    links: job.links,
  };
  // Absent stays absent: no `key: undefined`, so results compare and serialize cleanly.
  for (const [key, value] of Object.entries(copy)) {
    if (value !== undefined) (result as unknown as Record<string, unknown>)[key] = value;
  }
  return result;
}

/** A flex restore job (answer of downloadFlexBackup and getFlexRestoreJob) → the common result. */
export function fromFlexRestoreJob(job: FlexBackupRestoreJob20241113): SnapshotDownloadResult {
  return common('flex', job, job?.instanceName, 'fromFlexRestoreJob: the flex restore job');
}

/** A TenantRestore (answer of downloadClusterBackupTenant and getBackupTenantRestore) → the common result. */
export function fromTenantRestore(restore: TenantRestore): SnapshotDownloadResult {
  return common('tenant', restore, restore?.clusterName, 'fromTenantRestore: the tenant restore');
}
