// Provider states: named for what they set up, shared by the consumer suite (which records them)
// and both verifications (which set them up). Tenant interactions combine a lifecycle state (the
// clock relative to the sunset) with a data state; V4 pacts carry both in `providerStates`.
import { ids, successExample, tenantDownload } from './spec-facts.ts';

const { groupId, clusterName, snapshotId, restoreId, flexClusterName, flexRestoreJobId } = ids;
const sunset = tenantDownload.lifecycle.sunset;
if (!sunset) throw new Error('downloadClusterBackupTenant has no x-sunset in the spec');

export const states = {
  // Lifecycle of the deprecated tenant endpoints (x-sunset of the spec).
  tenantLive: `the tenant snapshot endpoints are deprecated but not yet sunset (sunset ${sunset})`,
  tenantSunset: `the tenant snapshot endpoints are past their sunset (${sunset})`,
  // Data for the tenant download.
  snapshotReady: `cluster ${clusterName} in project ${groupId} has snapshot ${snapshotId} ready to download`,
  downloadInProgress: `a download of snapshot ${snapshotId} of cluster ${clusterName} in project ${groupId} is already in progress`,
  accessDenied: `the credentials in use are denied access to the snapshots of project ${groupId}`,
  notProjectOwner: `the credentials in use lack the Project Owner role in project ${groupId}`,
  snapshotMissing: `cluster ${clusterName} in project ${groupId} has no snapshot ${snapshotId}`,
  snapshotIncomplete: `snapshot ${snapshotId} of cluster ${clusterName} in project ${groupId} is still being taken`,
  rateLimited: `project ${groupId} has used up its rate limit for snapshot requests`,
  backupServiceFails: 'the Atlas backup service fails unexpectedly',
  // Restore-job polls.
  tenantRestoreCompleted: `restore job ${restoreId} of cluster ${clusterName} in project ${groupId} has completed with a download URL`,
  flexSnapshotReady: `flex cluster ${flexClusterName} in project ${groupId} has snapshot ${snapshotId} ready to download`,
  flexRestoreCompleted: `restore job ${flexRestoreJobId} of flex cluster ${flexClusterName} in project ${groupId} has completed with a download URL`,
  // The Flex snapshot listing a migrating caller reads to find the snapshot to download.
  flexSnapshotsListed: `flex cluster ${flexClusterName} in project ${groupId} has completed snapshots, the newest ${snapshotId}`,
} as const;

export type StateName = (typeof states)[keyof typeof states];

/** A moment while the tenant endpoints still answer: the spec example's own request time. */
export const beforeSunset = new Date(String(successExample(tenantDownload).restoreScheduledDate));
/** A moment after the sunset: one day past x-sunset (UTC midnight). */
export const afterSunset = new Date(Date.parse(`${sunset}T00:00:00Z`) + 24 * 3600 * 1000);
if (!(beforeSunset < new Date(`${sunset}T00:00:00Z`))) {
  throw new Error(
    `the spec example's restoreScheduledDate (${beforeSunset.toISOString()}) is not before the sunset ${sunset}`,
  );
}
