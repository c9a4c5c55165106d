import { describe, expect, it } from 'vitest';
import {
  type FlexBackupRestoreJob20241113,
  fromFlexRestoreJob,
  fromTenantRestore,
  type TenantRestore,
  toFlexDownloadRequest,
  toFlexPathParams,
} from '../src/index.ts';

const tenant: TenantRestore = {
  clusterName: 'Cluster0',
  deliveryType: 'DOWNLOAD',
  expirationDate: '2025-11-25T14:15:02Z',
  id: '6561d2f4c8ff4d3a1f2eab12',
  projectId: '5e2211c17a3e5a48f5497de3',
  restoreScheduledDate: '2025-11-25T10:15:02Z',
  snapshotFinishedDate: '2025-11-25T05:00:12Z',
  snapshotId: '6561d0b5c8ff4d3a1f2e9a07',
  snapshotUrl: 'https://example.invalid/snap.tgz',
  status: 'COMPLETED',
  targetDeploymentItemName: 'Cluster0',
  targetProjectId: '5e2211c17a3e5a48f5497de3',
  links: [{ href: 'https://cloud.mongodb.com/api/atlas/v2/x', rel: 'self' }],
};

const flex: FlexBackupRestoreJob20241113 = {
  deliveryType: 'DOWNLOAD',
  expirationDate: '2025-11-25T14:15:02Z',
  id: '6561d2f4c8ff4d3a1f2eab12',
  instanceName: 'Cluster0',
  projectId: '5e2211c17a3e5a48f5497de3',
  restoreScheduledDate: '2025-11-25T10:15:02Z',
  snapshotFinishedDate: '2025-11-25T05:00:12Z',
  snapshotId: '6561d0b5c8ff4d3a1f2e9a07',
  snapshotUrl: 'https://example.invalid/snap.tgz',
  status: 'COMPLETED',
  targetDeploymentItemName: 'Cluster0',
  targetProjectId: '5e2211c17a3e5a48f5497de3',
  links: [{ href: 'https://cloud.mongodb.com/api/atlas/v2/x', rel: 'self' }],
};

describe('toFlexDownloadRequest', () => {
  it('keeps snapshotId only', () => {
    expect(
      toFlexDownloadRequest({ snapshotId: 'abc', targetDeploymentItemName: 'Cluster0', targetProjectId: 'p' }),
    ).toEqual({
      snapshotId: 'abc',
    });
  });
  it('rejects a body without snapshotId, with a clear message', () => {
    expect(() => toFlexDownloadRequest({} as { snapshotId: string })).toThrow(
      'toFlexDownloadRequest: snapshotId must be a non-empty string, got nothing',
    );
    expect(() => toFlexDownloadRequest(null as unknown as { snapshotId: string })).toThrow(
      /must be an object, got null/,
    );
    expect(() => toFlexDownloadRequest({ snapshotId: 7 } as unknown as { snapshotId: string })).toThrow(/got 7/);
  });
});

describe('toFlexPathParams', () => {
  it('renames clusterName to name', () => {
    expect(toFlexPathParams({ groupId: 'g', clusterName: 'Cluster0' })).toEqual({ groupId: 'g', name: 'Cluster0' });
  });
  it('rejects a missing clusterName', () => {
    expect(() => toFlexPathParams({ groupId: 'g' } as { groupId: string; clusterName: string })).toThrow(
      /clusterName must be/,
    );
  });
});

describe('fromTenantRestore / fromFlexRestoreJob', () => {
  it('give the same result for the same job, apart from source (instanceName ↔ clusterName)', () => {
    const a = fromTenantRestore(tenant);
    const b = fromFlexRestoreJob(flex);
    expect(a.source).toBe('tenant');
    expect(b.source).toBe('flex');
    expect({ ...a, source: 'x' }).toEqual({ ...b, source: 'x' });
    expect(b.clusterName).toBe('Cluster0');
    expect(b).not.toHaveProperty('instanceName');
  });

  it('maps every field', () => {
    expect(fromFlexRestoreJob(flex)).toEqual({
      source: 'flex',
      id: flex.id,
      clusterName: 'Cluster0',
      snapshotId: flex.snapshotId,
      status: 'COMPLETED',
      deliveryType: 'DOWNLOAD',
      snapshotUrl: flex.snapshotUrl,
      expirationDate: flex.expirationDate,
      projectId: flex.projectId,
      targetProjectId: flex.targetProjectId,
      targetDeploymentItemName: 'Cluster0',
      restoreScheduledDate: flex.restoreScheduledDate,
      snapshotFinishedDate: flex.snapshotFinishedDate,
      links: flex.links,
    });
  });

  it('leaves absent fields absent (no undefined keys)', () => {
    const r = fromTenantRestore({ id: 'i', status: 'PENDING', snapshotId: 's', targetDeploymentItemName: 't' });
    expect(Object.keys(r).sort()).toEqual(['id', 'snapshotId', 'source', 'status', 'targetDeploymentItemName']);
  });

  it('reject a job without id or status, with a clear message', () => {
    expect(() => fromFlexRestoreJob({ status: 'PENDING' })).toThrow(
      'fromFlexRestoreJob: the flex restore job: id must be a non-empty string, got nothing',
    );
    expect(() => fromTenantRestore({ id: 'i' } as TenantRestore)).toThrow(
      /fromTenantRestore: the tenant restore: status must be/,
    );
    expect(() => fromFlexRestoreJob(undefined as unknown as FlexBackupRestoreJob20241113)).toThrow(/must be an object/);
  });
});
