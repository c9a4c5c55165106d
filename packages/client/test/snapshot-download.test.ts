import { sunsetDate } from '@atlas-kit/migration-notice';
import { operation } from '@atlas-kit/openapi';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AtlasApiError,
  AtlasTimeoutError,
  AtlasValidationError,
  createAtlasClient,
  RestoreJobFailedError,
  type SnapshotStatusEvent,
} from '../src/index.ts';
import { atlas, GROUP, JOB, json, SNAPSHOT, useTestServer } from './helpers/server.ts';

const tenantMedia = operation('downloadClusterBackupTenant').mediaType;
const flexMedia = operation('downloadFlexBackup').mediaType;
const BEFORE_SUNSET = new Date(sunsetDate.getTime() - 30 * 86_400_000);
const AFTER_SUNSET = new Date(sunsetDate.getTime() + 86_400_000);
const URL_TENANT = 'https://snapshots.example.com/tenant/Cluster0.tar.gz?signature=abc';
const URL_FLEX = 'https://snapshots.example.com/flex/Cluster0.tar.gz?signature=def';

const server = useTestServer();
/** Status answered by the n-th poll (after the POST's PENDING); the last one repeats. */
let script: string[];
let tenantGone = false;
let polls = 0;

beforeEach(() => {
  script = ['QUEUED', 'RUNNING', 'COMPLETED'];
  tenantGone = false;
  polls = 0;
  server.handle((req, res) => {
    const flex = req.path.includes('/flexClusters/');
    if (!flex && tenantGone) return json(res, 410, { error: 410, errorCode: 'VERSION_GONE', reason: 'Gone' });
    let status = 'PENDING';
    if (req.method === 'GET') {
      status = script[Math.min(polls, script.length - 1)] as string;
      polls += 1;
    }
    const done = status === 'COMPLETED';
    if (flex) {
      return atlas(
        res,
        200,
        {
          id: JOB,
          instanceName: 'Cluster0',
          snapshotId: SNAPSHOT,
          status,
          deliveryType: 'DOWNLOAD',
          ...(done ? { snapshotUrl: URL_FLEX, expirationDate: '2025-11-25T14:17:41Z' } : {}),
        },
        flexMedia,
      );
    }
    return atlas(
      res,
      200,
      {
        id: JOB,
        clusterName: 'Cluster0',
        snapshotId: SNAPSHOT,
        status,
        deliveryType: 'DOWNLOAD',
        ...(done ? { snapshotUrl: URL_TENANT, expirationDate: '2025-11-25T14:17:41Z' } : {}),
      },
      tenantMedia,
    );
  });
});

const make = (now: Date = BEFORE_SUNSET) =>
  createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, now: () => now, onDeprecation: () => {} });
const base = { groupId: GROUP, clusterName: 'Cluster0', snapshotId: SNAPSHOT, pollIntervalMs: 5 };
const paths = () => server.requests.map((r) => `${r.method} ${r.path.replace(`/api/atlas/v2/groups/${GROUP}`, '')}`);

describe('requestSnapshotDownload', () => {
  it('uses the tenant endpoint while it lives, then polls the tenant restore until COMPLETED', async () => {
    const statuses: SnapshotStatusEvent[] = [];
    const r = await make().requestSnapshotDownload({ ...base, onStatus: (e) => statuses.push(e) });
    expect(r).toMatchObject({
      source: 'tenant',
      id: JOB,
      status: 'COMPLETED',
      snapshotUrl: URL_TENANT,
      expirationDate: '2025-11-25T14:17:41Z',
      clusterName: 'Cluster0',
      route: { source: 'tenant', reason: 'tenant-live' },
    });
    expect(statuses.map((s) => [s.poll, s.status])).toEqual([
      [0, 'PENDING'],
      [1, 'QUEUED'],
      [2, 'RUNNING'],
      [3, 'COMPLETED'],
    ]);
    expect(r.statuses).toEqual(statuses);
    expect(paths()).toEqual([
      'POST /clusters/Cluster0/backup/tenant/download',
      `GET /clusters/Cluster0/backup/tenant/restores/${JOB}`,
      `GET /clusters/Cluster0/backup/tenant/restores/${JOB}`,
      `GET /clusters/Cluster0/backup/tenant/restores/${JOB}`,
    ]);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      snapshotId: SNAPSHOT,
      targetDeploymentItemName: 'Cluster0',
    });
  });

  it('reports a status once even when several polls see it', async () => {
    script = ['RUNNING', 'RUNNING', 'RUNNING', 'COMPLETED'];
    const statuses: string[] = [];
    await make().requestSnapshotDownload({ ...base, onStatus: (e) => statuses.push(e.status) });
    expect(statuses).toEqual(['PENDING', 'RUNNING', 'COMPLETED']);
    expect(polls).toBe(4);
  });

  it('useFlex: downloadFlexBackup + getFlexRestoreJob only', async () => {
    const r = await make().requestSnapshotDownload({ ...base, useFlex: true });
    expect(r).toMatchObject({
      source: 'flex',
      snapshotUrl: URL_FLEX,
      clusterName: 'Cluster0',
      route: { source: 'flex', reason: 'use-flex' },
    });
    expect(paths()[0]).toBe('POST /flexClusters/Cluster0/backup/download');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ snapshotId: SNAPSHOT });
    expect(
      paths()
        .slice(1)
        .every((p) => p === `GET /flexClusters/Cluster0/backup/restoreJobs/${JOB}`),
    ).toBe(true);
  });

  it('after the sunset (client now) goes straight to flex — the tenant endpoint is never called', async () => {
    const r = await make(AFTER_SUNSET).requestSnapshotDownload(base);
    expect(r.route).toEqual({ source: 'flex', reason: 'sunset-passed' });
    expect(paths().some((p) => p.includes('/tenant/'))).toBe(false);
  });

  it('when the tenant call answers 410, falls back to flex', async () => {
    tenantGone = true;
    const r = await make().requestSnapshotDownload(base);
    expect(r.route).toEqual({ source: 'flex', reason: 'tenant-gone' });
    expect(paths()[0]).toBe('POST /clusters/Cluster0/backup/tenant/download');
    expect(paths()[1]).toBe('POST /flexClusters/Cluster0/backup/download');
    expect(r.snapshotUrl).toBe(URL_FLEX);
  });

  it('other tenant errors are not papered over by a flex call', async () => {
    server.handle((_req, res) => json(res, 404, { error: 404, errorCode: 'TENANT_SNAPSHOT_NOT_FOUND' }));
    await expect(make().requestSnapshotDownload(base)).rejects.toMatchObject({
      status: 404,
      errorCode: 'TENANT_SNAPSHOT_NOT_FOUND',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('FAILED → RestoreJobFailedError carrying the job', async () => {
    script = ['RUNNING', 'FAILED'];
    const e = (await make()
      .requestSnapshotDownload(base)
      .catch((x: unknown) => x)) as RestoreJobFailedError;
    expect(e).toBeInstanceOf(RestoreJobFailedError);
    expect(e.job).toMatchObject({ source: 'tenant', id: JOB, status: 'FAILED' });
    expect(e.message).toBe(`tenant restore job ${JOB} ended with status FAILED`);
  });

  it('polls with a growing interval', async () => {
    script = ['RUNNING', 'RUNNING', 'RUNNING', 'COMPLETED'];
    const started = performance.now();
    await make().requestSnapshotDownload({ ...base, pollIntervalMs: 40 });
    expect(server.requests).toHaveLength(5);
    // Waits of 40, 60, 90 and 135 ms (×1.5 each time): the flow takes at least their sum.
    expect(performance.now() - started).toBeGreaterThanOrEqual(40 + 60 + 90 + 135 - 10);
  });

  it('bounded by timeoutMs → AtlasTimeoutError', async () => {
    script = ['RUNNING'];
    const e = await make()
      .requestSnapshotDownload({ ...base, timeoutMs: 150, pollIntervalMs: 10 })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasTimeoutError);
    expect((e as Error).message).toBe('requestSnapshotDownload did not finish within 150 ms');
  });

  it('abortable', async () => {
    script = ['RUNNING'];
    const controller = new AbortController();
    const pending = make().requestSnapshotDownload({ ...base, signal: controller.signal, pollIntervalMs: 10 });
    setTimeout(() => controller.abort(), 80);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('validates its input before any request', async () => {
    const e = await make()
      .requestSnapshotDownload({ groupId: GROUP, clusterName: '', snapshotId: SNAPSHOT })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasValidationError);
    expect((e as AtlasValidationError).field).toBe('clusterName');
    await expect(make().requestSnapshotDownload({ ...base, groupId: 'nope' })).rejects.toMatchObject({
      field: 'groupId',
    });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['after the sunset', AFTER_SUNSET, {}],
    ['with useFlex', BEFORE_SUNSET, { useFlex: true }],
  ])(
    '%s, a bad clusterName is reported as clusterName (the name the caller used), not name',
    async (_w, now, extra) => {
      const e = (await make(now)
        .requestSnapshotDownload({ ...base, ...extra, clusterName: '-bad name' })
        .catch((x: unknown) => x)) as AtlasValidationError;
      expect(e).toBeInstanceOf(AtlasValidationError);
      expect(e.field).toBe('clusterName');
      expect(e.issues.map((i) => i.field)).toEqual(['clusterName']);
      expect(e.message).toMatch(
        /^downloadFlexBackup: invalid input: clusterName must match pattern .+ \(got "-bad name"\)$/,
      );
      expect(server.requests).toHaveLength(0);
    },
  );

  it.each([
    ['use-flex', BEFORE_SUNSET, { useFlex: true }, false],
    ['sunset-passed', AFTER_SUNSET, {}, false],
    ['tenant-gone', BEFORE_SUNSET, {}, true],
  ] as const)(
    'on the flex route (%s) a targetDeploymentItemName is not silently dropped: route.ignored names it',
    async (reason, now, extra, gone) => {
      tenantGone = gone;
      const r = await make(now).requestSnapshotDownload({ ...base, ...extra, targetDeploymentItemName: 'Restored0' });
      expect(r.route).toEqual({ source: 'flex', reason, ignored: ['targetDeploymentItemName'] });
      const flexPost = server.requests.find((q) => q.method === 'POST' && q.path.includes('/flexClusters/'));
      expect(JSON.parse(flexPost?.body ?? '')).toEqual({ snapshotId: SNAPSHOT });
    },
  );

  it('on the tenant route targetDeploymentItemName is sent and nothing is ignored', async () => {
    const r = await make().requestSnapshotDownload({ ...base, targetDeploymentItemName: 'Restored0' });
    expect(r.route).toEqual({ source: 'tenant', reason: 'tenant-live' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      snapshotId: SNAPSHOT,
      targetDeploymentItemName: 'Restored0',
    });
  });

  it('a COMPLETED job without snapshotUrl is an error, not a silent success', async () => {
    server.handle((_req, res) =>
      atlas(res, 200, { id: JOB, clusterName: 'Cluster0', status: 'COMPLETED' }, tenantMedia),
    );
    await expect(make().requestSnapshotDownload(base)).rejects.toThrow(
      `tenant restore job ${JOB} completed without a snapshotUrl`,
    );
  });

  it('an answer without id/status is reported as AtlasApiError', async () => {
    server.handle((_req, res) => atlas(res, 200, { clusterName: 'Cluster0' }, tenantMedia));
    const e = await make()
      .requestSnapshotDownload(base)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasApiError);
    expect((e as Error).message).toContain('unexpected answer');
  });
});
