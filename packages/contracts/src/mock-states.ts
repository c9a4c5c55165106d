// Provider-state handlers for @atlas-kit/mocks: each sets up, through the mocks' runtime control,
// exactly what its state's name says. Kept apart from the test so the pipeline can count them.
import type { AtlasControl } from '@atlas-kit/mocks';
import { tenantErrorCode } from './error-facts.ts';
import { afterSunset, beforeSunset, type StateName, states } from './states.ts';
import type { StateSetup } from './verify.ts';

const str = (params: Record<string, unknown>, name: string): string => {
  const value = params[name];
  if (typeof value !== 'string' || !value) throw new Error(`provider state parameter "${name}" is missing`);
  return value;
};

export function mockStateHandlers(atlas: AtlasControl): Record<StateName, StateSetup> {
  return {
    // The mocks answer 410 VERSION_GONE on the tenant operations once their clock reaches x-sunset.
    [states.tenantLive]: () => atlas.setClock(() => beforeSunset),
    [states.tenantSunset]: () => atlas.setClock(() => afterSunset),

    [states.snapshotReady]: () => atlas.setScenario({ downloadClusterBackupTenant: { status: 200 } }),
    [states.downloadInProgress]: () =>
      atlas.setScenario({ downloadClusterBackupTenant: { status: 400, errorCode: tenantErrorCode(400) } }),
    [states.accessDenied]: () =>
      atlas.setScenario({ downloadClusterBackupTenant: { status: 401, errorCode: tenantErrorCode(401) } }),
    [states.notProjectOwner]: () =>
      atlas.setScenario({ downloadClusterBackupTenant: { status: 403, errorCode: tenantErrorCode(403) } }),
    [states.snapshotMissing]: () =>
      atlas.setScenario({ downloadClusterBackupTenant: { status: 404, errorCode: tenantErrorCode(404) } }),
    [states.snapshotIncomplete]: () =>
      atlas.setScenario({ downloadClusterBackupTenant: { status: 409, errorCode: tenantErrorCode(409) } }),
    [states.rateLimited]: () => atlas.setScenario({ downloadClusterBackupTenant: { status: 429, retryAfter: 30 } }),
    [states.backupServiceFails]: () =>
      atlas.setScenario({ downloadClusterBackupTenant: { status: 500, errorCode: tenantErrorCode(500) } }),

    [states.tenantRestoreCompleted]: (p) => {
      atlas.seedRestoreJob({
        api: 'tenant',
        id: str(p, 'restoreId'),
        groupId: str(p, 'groupId'),
        clusterName: str(p, 'clusterName'),
        snapshotId: str(p, 'snapshotId'),
        status: 'COMPLETED',
      });
    },
    [states.flexSnapshotReady]: () => atlas.setScenario({ downloadFlexBackup: { status: 200 } }),
    // The mocks list the spec example's snapshots for every Flex cluster (the newest is snapshotId):
    // nothing to seed but the reset to that list.
    [states.flexSnapshotsListed]: () => {},
    [states.flexRestoreCompleted]: (p) => {
      atlas.seedRestoreJob({
        api: 'flex',
        id: str(p, 'restoreJobId'),
        groupId: str(p, 'groupId'),
        clusterName: str(p, 'name'),
        snapshotId: str(p, 'snapshotId'),
        status: 'COMPLETED',
      });
    },
  };
}
