import { buildDeprecationHeaders, renderNotice } from '@atlas-kit/migration-notice';
import { operation } from '@atlas-kit/openapi';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAtlasClient, type DeprecationEvent } from '../src/index.ts';
import { atlas, GROUP, JOB, SNAPSHOT, startServer, type TestServer } from './helpers/server.ts';

const tenantMedia = operation('downloadClusterBackupTenant').mediaType;
const flexMedia = operation('downloadFlexBackup').mediaType;
const tenantJob = { id: JOB, clusterName: 'Cluster0', snapshotId: SNAPSHOT, status: 'PENDING' };
const flexJob = { id: JOB, instanceName: 'Cluster0', snapshotId: SNAPSHOT, status: 'PENDING' };
const deprecationHeaders = buildDeprecationHeaders();
const NOW = new Date('2025-12-01T12:00:00Z');

let server: TestServer;
let withHeaders = true;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path.includes('/flexClusters/')) return atlas(res, 200, flexJob, flexMedia);
    return atlas(res, 200, tenantJob, tenantMedia, withHeaders ? deprecationHeaders : {});
  });
});
afterAll(() => server.close());
beforeEach(() => {
  withHeaders = true;
});
afterEach(() => {
  vi.restoreAllMocks();
});

const tenantDownload = (c: ReturnType<typeof createAtlasClient>) =>
  c.downloadClusterBackupTenant(
    { groupId: GROUP, clusterName: 'Cluster0' },
    { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' },
  );

describe('deprecation awareness', () => {
  it('reads Deprecation/Sunset/Link and x-sunset; one event per operation per client', async () => {
    const events: DeprecationEvent[] = [];
    const c = createAtlasClient({
      baseUrl: server.url,
      auth: { type: 'none' },
      onDeprecation: (e) => events.push(e),
      now: () => NOW,
    });
    const r = await tenantDownload(c);
    await tenantDownload(c);
    await tenantDownload(c);
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({
      operationId: 'downloadClusterBackupTenant',
      method: 'POST',
      path: operation('downloadClusterBackupTenant').path,
      deprecated: true,
      sunset: operation('downloadClusterBackupTenant').lifecycle.sunset,
      replacement: { operationId: 'downloadFlexBackup' },
      lifecycle: { phase: 'deprecated' },
    });
    expect(e?.signal?.deprecation).toBeInstanceOf(Date);
    expect(e?.signal?.sunset?.toISOString().slice(0, 10)).toBe(
      operation('downloadClusterBackupTenant').lifecycle.sunset,
    );
    expect(e?.signal?.successor).toContain('downloadFlexBackup');
    expect(e?.notice).toBe(renderNotice({ format: 'text', now: NOW }));
    // The signal is on every result too.
    expect(r.deprecation?.successor).toBe(e?.signal?.successor);
  });

  it('each deprecated operation is reported once; another client reports again', async () => {
    const events: DeprecationEvent[] = [];
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, onDeprecation: (e) => events.push(e) });
    await tenantDownload(c);
    await c.getBackupTenantRestore({ groupId: GROUP, clusterName: 'Cluster0', restoreId: JOB });
    await c.getBackupTenantRestore({ groupId: GROUP, clusterName: 'Cluster0', restoreId: JOB });
    expect(events.map((e) => e.operationId)).toEqual(['downloadClusterBackupTenant', 'getBackupTenantRestore']);
    expect(events[1]?.replacement?.operationId).toBe('getFlexRestoreJob');
    const other = createAtlasClient({
      baseUrl: server.url,
      auth: { type: 'none' },
      onDeprecation: (e) => events.push(e),
    });
    await tenantDownload(other);
    expect(events).toHaveLength(3);
  });

  it('the spec alone (x-sunset, deprecated) is enough when the server sends no headers', async () => {
    withHeaders = false;
    const events: DeprecationEvent[] = [];
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, onDeprecation: (e) => events.push(e) });
    const r = await tenantDownload(c);
    expect(r.deprecation).toBeNull();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      signal: null,
      deprecated: true,
      sunset: operation('downloadClusterBackupTenant').lifecycle.sunset,
    });
  });

  it('a live operation without deprecation headers raises no event', async () => {
    const events: DeprecationEvent[] = [];
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, onDeprecation: (e) => events.push(e) });
    const r = await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    expect(r.deprecation).toBeNull();
    expect(events).toEqual([]);
  });

  it('default: one console warning with the notice, once per operation', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, now: () => NOW });
    await tenantDownload(c);
    await tenantDownload(c);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(renderNotice({ format: 'text', now: NOW }));
  });

  it('a throwing listener does not fail the call', async () => {
    const c = createAtlasClient({
      baseUrl: server.url,
      auth: { type: 'none' },
      onDeprecation: () => {
        throw new Error('listener bug');
      },
    });
    await expect(tenantDownload(c)).resolves.toMatchObject({ status: 200 });
  });
});
