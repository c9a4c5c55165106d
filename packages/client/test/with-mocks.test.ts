// The client against @atlas-kit/mocks (real node:http server on 127.0.0.1, answers built from the
// same specs, an independent digest implementation, the documented 410 after the sunset).
import { sunsetDate } from '@atlas-kit/migration-notice';
import { type AtlasHttpServer, startAtlasHttpServer } from '@atlas-kit/mocks/node';
import type { OperationId } from '@atlas-kit/openapi';
import { validateResponse } from '@atlas-kit/openapi/responses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AtlasApiError,
  AtlasRateLimitError,
  createAtlasClient,
  type DeprecationEvent,
  EndpointSunsetError,
  RestoreJobFailedError,
} from '../src/index.ts';

const GROUP = '32b6e34b3d91647abb20e7b8';
const SNAPSHOT = '6561d0b5c8ff4d3a1f2e9a07';
const BEFORE = new Date(sunsetDate.getTime() - 10 * 86_400_000);
const AFTER = new Date(sunsetDate.getTime() + 86_400_000);
const KEYS = { publicKey: 'mockpublic', privateKey: 'mock-private-key-0001' };

let mock: AtlasHttpServer;
let mockNow = BEFORE;
beforeAll(async () => {
  mock = await startAtlasHttpServer({ clock: () => mockNow, auth: { bearerTokens: ['mock-token'], apiKeys: [KEYS] } });
});
afterAll(() => mock.close());
beforeEach(() => {
  mockNow = BEFORE;
  mock.atlas.reset();
});

const bearer = (extra: Partial<Parameters<typeof createAtlasClient>[0]> = {}) =>
  createAtlasClient({
    baseUrl: mock.url,
    auth: { type: 'bearer', token: 'mock-token' },
    now: () => BEFORE,
    onDeprecation: () => {},
    ...extra,
  });
const tenantBody = { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' };

describe('against @atlas-kit/mocks', () => {
  it('the four typed calls answer what the spec says (bodies validated against the spec)', async () => {
    const c = bearer();
    const t = await c.downloadClusterBackupTenant({ groupId: GROUP, clusterName: 'Cluster0' }, tenantBody);
    const tr = await c.getBackupTenantRestore({
      groupId: GROUP,
      clusterName: 'Cluster0',
      restoreId: t.data.id as string,
    });
    const f = await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    const fr = await c.getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: f.data.id as string });
    for (const r of [t, tr, f, fr]) {
      expect(
        validateResponse({
          operationId: r.operationId as OperationId,
          status: r.status,
          headers: r.headers,
          body: r.data,
        }),
      ).toEqual([]);
      expect(r.rateLimit.limit).toBeGreaterThan(0);
    }
    expect(t.data.status).toBe('PENDING');
    expect(tr.data.status).toBe('QUEUED');
    expect(t.deprecation?.successor).toBeDefined();
    expect(f.deprecation).toBeNull();
  });

  it('HTTP Digest (the mock recomputes the response from the key pair)', async () => {
    const c = createAtlasClient({ baseUrl: mock.url, auth: { type: 'digest', ...KEYS }, onDeprecation: () => {} });
    const r = await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    expect(r.status).toBe(200);
    const wrong = createAtlasClient({
      baseUrl: mock.url,
      auth: { type: 'digest', publicKey: KEYS.publicKey, privateKey: 'wrong-key-000' },
    });
    await expect(
      wrong.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT }),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it('requestSnapshotDownload: tenant while it lives, polled to COMPLETED', async () => {
    const statuses: string[] = [];
    const r = await bearer().requestSnapshotDownload({
      groupId: GROUP,
      clusterName: 'Cluster0',
      snapshotId: SNAPSHOT,
      pollIntervalMs: 1,
      onStatus: (e) => statuses.push(`${e.source}:${e.status}`),
    });
    expect(r.route).toEqual({ source: 'tenant', reason: 'tenant-live' });
    expect(statuses).toEqual(['tenant:PENDING', 'tenant:QUEUED', 'tenant:RUNNING', 'tenant:COMPLETED']);
    expect(r.snapshotUrl).toMatch(/^https:\/\//);
    expect(r.expirationDate).toBeDefined();
  });

  it('after the sunset: the mock answers 410 VERSION_GONE → EndpointSunsetError; requestSnapshotDownload falls back to flex', async () => {
    mockNow = AFTER;
    const events: DeprecationEvent[] = [];
    const c = bearer({ onDeprecation: (e) => events.push(e) });
    const e = await c
      .downloadClusterBackupTenant({ groupId: GROUP, clusterName: 'Cluster0' }, tenantBody)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EndpointSunsetError);
    expect((e as EndpointSunsetError).errorCode).toBe('VERSION_GONE');
    expect(events).toHaveLength(1);
    const r = await c.requestSnapshotDownload({
      groupId: GROUP,
      clusterName: 'Cluster0',
      snapshotId: SNAPSHOT,
      pollIntervalMs: 1,
    });
    expect(r.route).toEqual({ source: 'flex', reason: 'tenant-gone' });
    expect(r.status).toBe('COMPLETED');
  });

  it('client clock past the sunset → flex without asking the tenant endpoint', async () => {
    const r = await bearer({ now: () => AFTER }).requestSnapshotDownload({
      groupId: GROUP,
      clusterName: 'Cluster0',
      snapshotId: SNAPSHOT,
      pollIntervalMs: 1,
    });
    expect(r.route).toEqual({ source: 'flex', reason: 'sunset-passed' });
    expect(mock.atlas.listRestoreJobs().every((j) => j.api === 'flex')).toBe(true);
  });

  it('FAILED restore outcome → RestoreJobFailedError', async () => {
    mock.atlas.setScenario({ restoreOutcome: 'FAILED' });
    await expect(
      bearer().requestSnapshotDownload({
        groupId: GROUP,
        clusterName: 'Cluster0',
        snapshotId: SNAPSHOT,
        pollIntervalMs: 1,
      }),
    ).rejects.toBeInstanceOf(RestoreJobFailedError);
  });

  it('400 with badRequestDetail.fields and a documented 404 code → AtlasApiError', async () => {
    mock.atlas.setScenario({
      downloadClusterBackupTenant: {
        status: 400,
        fields: [{ field: 'snapshotId', description: 'No snapshot with this ID exists.' }],
      },
    });
    const e = (await bearer()
      .downloadClusterBackupTenant({ groupId: GROUP, clusterName: 'Cluster0' }, tenantBody)
      .catch((x: unknown) => x)) as AtlasApiError;
    expect(e).toBeInstanceOf(AtlasApiError);
    expect(e).toMatchObject({ status: 400, errorCode: 'VALIDATION_ERROR', fields: [{ field: 'snapshotId' }] });
    mock.atlas.setScenario({ downloadClusterBackupTenant: { status: 404, errorCode: 'TENANT_SNAPSHOT_NOT_FOUND' } });
    await expect(
      bearer().downloadClusterBackupTenant({ groupId: GROUP, clusterName: 'Cluster0' }, tenantBody),
    ).rejects.toMatchObject({
      status: 404,
      errorCode: 'TENANT_SNAPSHOT_NOT_FOUND',
    });
  });

  it('429 with Retry-After: retried, bounded, RateLimit headers exposed; the POST is not repeated on 500', async () => {
    mock.atlas.setScenario({ downloadFlexBackup: { status: 429, retryAfter: 0 } });
    const e = (await bearer({ retry: { maxAttempts: 3 } })
      .downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT })
      .catch((x: unknown) => x)) as AtlasRateLimitError;
    expect(e).toBeInstanceOf(AtlasRateLimitError);
    expect(e.attempts).toBe(3);
    expect(e.rateLimit.limit).toBeGreaterThan(0);
    mock.atlas.setScenario({ downloadFlexBackup: { status: 500 } });
    await expect(
      bearer().downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT }),
    ).rejects.toMatchObject({
      status: 500,
    });
    expect(mock.atlas.listRestoreJobs()).toHaveLength(0);
  });

  it('envelope: same result either way', async () => {
    const c = bearer();
    const plain = await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    const wrapped = await c.getFlexRestoreJob(
      { groupId: GROUP, name: 'Cluster0', restoreJobId: plain.data.id as string },
      { envelope: true },
    );
    expect(wrapped.status).toBe(200);
    expect(wrapped.data.id).toBe(plain.data.id);
    expect(wrapped.data.status).toBe('QUEUED');
  });
});
