// The Flex snapshot listing a migrating caller needs: typed paging, the newest completed snapshot,
// and downloading it without knowing its id. Real HTTP on 127.0.0.1.
import { operation } from '@atlas-kit/openapi';
import { examples } from '@atlas-kit/openapi/examples';
import { describe, expect, it } from 'vitest';
import { AtlasTimeoutError, AtlasValidationError, createAtlasClient, NoCompletedSnapshotError } from '../src/index.ts';
import { atlas, GROUP, JOB, type Recorded, useTestServer } from './helpers/server.ts';

const media = operation('listFlexBackupSnapshots').mediaType;
const server = useTestServer();
const client = () =>
  createAtlasClient({ baseUrl: server.url, auth: { type: 'bearer', token: 'tok-123456' }, onDeprecation: () => {} });
const where = { groupId: GROUP, name: 'Cluster0' };
const snap = (id: string, status: string, finishTime: string) => ({ id, status, finishTime, startTime: finishTime });
const hex = (n: number) => n.toString(16).padStart(24, '0');

/** A server holding `all` snapshots, answering pages as Atlas does. */
function serve(all: ReturnType<typeof snap>[]) {
  server.handle((req: Recorded, res) => {
    if (req.method === 'POST')
      return atlas(
        res,
        200,
        {
          ...examples.downloadFlexBackup.success,
          id: JOB,
          snapshotId: JSON.parse(req.body).snapshotId,
          status: 'COMPLETED',
          snapshotUrl: 'https://snapshots.example.com/x.tar.gz',
        },
        operation('downloadFlexBackup').mediaType,
      );
    const size = Number(req.query.get('itemsPerPage') ?? 100);
    const page = Number(req.query.get('pageNum') ?? 1);
    const results = all.slice((page - 1) * size, page * size);
    return atlas(res, 200, { results, totalCount: all.length, links: [] }, media);
  });
}

describe('listFlexBackupSnapshots', () => {
  it('sends the paging parameters and the versioned media type, answers the typed page', async () => {
    serve([snap(hex(1), 'COMPLETED', '2025-11-25T05:00:12Z')]);
    const r = await client().listFlexBackupSnapshots(where, { pageNum: 2, itemsPerPage: 10, includeCount: false });
    const sent = server.requests[0] as Recorded;
    expect(sent.path).toBe(`/api/atlas/v2/groups/${GROUP}/flexClusters/Cluster0/backup/snapshots`);
    expect(Object.fromEntries(sent.query)).toEqual({ pageNum: '2', itemsPerPage: '10', includeCount: 'false' });
    expect(sent.headers.accept).toBe(media);
    expect(r.data.totalCount).toBe(1);
  });

  it('refuses paging outside the documented bounds before any request, naming the query field', async () => {
    const error = await client()
      .listFlexBackupSnapshots(where, { itemsPerPage: 501, pageNum: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect((error as AtlasValidationError).issues.map((i) => `${i.location} ${i.field}`)).toEqual([
      'query itemsPerPage',
      'query pageNum',
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('getFlexBackupSnapshot checks the snapshot id against its pattern', async () => {
    await expect(client().getFlexBackupSnapshot({ ...where, snapshotId: 'latest' })).rejects.toMatchObject({
      field: 'snapshotId',
    });
  });
});

describe('latestFlexSnapshot', () => {
  it('reads every page and picks the newest COMPLETED snapshot, whatever the order', async () => {
    const all = Array.from({ length: 700 }, (_, i) =>
      snap(hex(i + 1), 'COMPLETED', new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 700) * 3_600_000).toISOString()),
    );
    // The newest of all is on the second page; a newer one is still running.
    all[650] = snap(hex(651), 'COMPLETED', '2026-11-30T05:00:00.000Z');
    all[3] = snap(hex(4), 'RUNNING', '2026-12-01T05:00:00.000Z');
    serve(all);
    const latest = await client().latestFlexSnapshot(where);
    expect(latest?.id).toBe(hex(651));
    expect(server.requests.map((r) => r.query.get('pageNum'))).toEqual(['1', '2']);
    expect(server.requests[0]?.query.get('itemsPerPage')).toBe('500');
  });

  it('undefined when no snapshot has completed', async () => {
    serve([snap(hex(1), 'RUNNING', '2025-11-25T05:00:12Z')]);
    expect(await client().latestFlexSnapshot(where)).toBeUndefined();
  });

  it('stops at maxPages with an error that says how to read more', async () => {
    serve(Array.from({ length: 1200 }, (_, i) => snap(hex(i + 1), 'COMPLETED', '2025-11-25T05:00:12Z')));
    await expect(client().latestFlexSnapshot(where, { maxPages: 2 })).rejects.toThrow(
      'more than 1000 snapshots: raise maxPages to read them all',
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe('requestLatestSnapshotDownload', () => {
  it('downloads the newest completed snapshot over the Flex route', async () => {
    serve([
      snap(hex(1), 'COMPLETED', '2025-11-23T05:00:12Z'),
      snap(hex(2), 'COMPLETED', '2025-11-25T05:00:12Z'),
      snap(hex(3), 'FAILED', '2025-11-26T05:00:12Z'),
    ]);
    const outcome = await client().requestLatestSnapshotDownload({
      groupId: GROUP,
      clusterName: 'Cluster0',
      pollIntervalMs: 0,
    });
    expect(outcome.route).toEqual({ source: 'flex', reason: 'latest-snapshot' });
    expect(outcome.snapshotId).toBe(hex(2));
    expect(outcome.snapshot).toMatchObject({ id: hex(2), finishTime: '2025-11-25T05:00:12Z' });
    expect(JSON.parse(server.requests.at(-1)?.body ?? '{}')).toEqual({ snapshotId: hex(2) });
  });

  it('a cluster without a completed snapshot is a NO_SNAPSHOT error, and nothing is requested', async () => {
    serve([]);
    const error = await client()
      .requestLatestSnapshotDownload({ groupId: GROUP, clusterName: 'Cluster0' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoCompletedSnapshotError);
    expect(error).toMatchObject({ code: 'NO_SNAPSHOT' });
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('checks every field and option before its first request, in one error', async () => {
    serve([snap(hex(1), 'COMPLETED', '2025-11-25T05:00:12Z')]);
    const error = await client()
      .requestLatestSnapshotDownload({
        groupId: GROUP,
        clusterName: '',
        pollIntervalMs: -1,
        timeoutMs: 0,
        maxPages: 0.5,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect((error as AtlasValidationError).operationId).toBe('requestLatestSnapshotDownload');
    expect((error as AtlasValidationError).issues.map((i) => i.field)).toEqual([
      'clusterName',
      'pollIntervalMs',
      'timeoutMs',
      'maxPages',
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('timeoutMs bounds the snapshot listing too', async () => {
    server.handle(() => {}); // the listing never answers
    const started = performance.now();
    const error = await client()
      .requestLatestSnapshotDownload({ groupId: GROUP, clusterName: 'Cluster0', timeoutMs: 150 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasTimeoutError);
    expect((error as Error).message).toBe('requestLatestSnapshotDownload did not finish within 150 ms');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it("a bad cluster name is reported under the caller's field name", async () => {
    await expect(
      client().requestLatestSnapshotDownload({ groupId: GROUP, clusterName: '-bad name' }),
    ).rejects.toMatchObject({ field: 'clusterName' });
  });
});
