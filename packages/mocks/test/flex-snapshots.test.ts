// The Flex snapshot listing: every Flex cluster lists the spec example's snapshots until seeded,
// pages as Atlas pages, and finds one snapshot by id; every answer is judged against the spec.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { type AtlasOperationId, judge, read, requestFor } from './support.ts';

const group = '5e2211c17a3e5a48f5497de3';
const listPath = (cluster = 'Cluster0', g = group) =>
  `/api/atlas/v2/groups/${g}/flexClusters/${cluster}/backup/snapshots`;
const hex = (n: number) => n.toString(16).padStart(24, '0');

async function ask(id: AtlasOperationId, path: string, query = '', handlers = createAtlasHandlers().handlers) {
  const answer = await read(await getResponse(handlers, requestFor(id, { path, query })));
  expect(judge(id, answer)).toEqual([]);
  return answer;
}

describe('listFlexBackupSnapshots', () => {
  it("lists the spec example's snapshots, newest first, for any Flex cluster, its links pointing at that cluster", async () => {
    const answer = await ask('listFlexBackupSnapshots', listPath('Other-1', 'aaaaaaaaaaaaaaaaaaaaaaaa'));
    expect(answer.status).toBe(200);
    expect(answer.body.totalCount).toBe(3);
    expect(answer.body.results.map((s: { status: string }) => s.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
    ]);
    expect(answer.body.results[0].links[0].href).toContain('/groups/aaaaaaaaaaaaaaaaaaaaaaaa/flexClusters/Other-1/');
  });

  it('pages: pageNum and itemsPerPage cut the list; includeCount=false leaves totalCount out', async () => {
    const { handlers, atlas } = createAtlasHandlers();
    atlas.seedFlexSnapshots({
      groupId: group,
      clusterName: 'Cluster0',
      snapshots: Array.from({ length: 5 }, (_, i) => ({ id: hex(i + 1), status: 'COMPLETED' })),
    });
    const second = await ask('listFlexBackupSnapshots', listPath(), 'pageNum=2&itemsPerPage=2', handlers);
    expect(second.body.results.map((s: { id: string }) => s.id)).toEqual([hex(3), hex(4)]);
    expect(second.body.totalCount).toBe(5);
    const past = await ask(
      'listFlexBackupSnapshots',
      listPath(),
      'pageNum=4&itemsPerPage=2&includeCount=false',
      handlers,
    );
    expect(past.body.results).toEqual([]);
    expect(past.body).not.toHaveProperty('totalCount');
  });

  it('refuses paging outside the documented bounds with 400 VALIDATION_ERROR naming the parameter', async () => {
    const answer = await ask('listFlexBackupSnapshots', listPath(), 'itemsPerPage=501');
    expect(answer.status).toBe(400);
    expect(answer.body.errorCode).toBe('VALIDATION_ERROR');
    expect(answer.body.badRequestDetail.fields.map((f: { field: string }) => f.field)).toEqual(['itemsPerPage']);
  });

  it('a seeded cluster with no snapshot lists none; reset() brings the example list back', async () => {
    const { handlers, atlas } = createAtlasHandlers();
    atlas.seedFlexSnapshots({ groupId: group, clusterName: 'Cluster0', snapshots: [] });
    expect((await ask('listFlexBackupSnapshots', listPath(), '', handlers)).body.totalCount).toBe(0);
    atlas.reset();
    expect((await ask('listFlexBackupSnapshots', listPath(), '', handlers)).body.totalCount).toBe(3);
  });

  it('a bad seed is a TypeError naming the key', () => {
    const { atlas } = createAtlasHandlers();
    expect(() => atlas.seedFlexSnapshots({ snapshots: [{ id: 'x', status: 'COMPLETED' }] })).toThrow(
      'seedFlexSnapshots.snapshots[0].id must be 24 hexadecimal digits',
    );
    expect(() => atlas.seedFlexSnapshots({ snapshots: 'none' } as never)).toThrow(
      'seedFlexSnapshots.snapshots must be an array',
    );
  });
});

describe('getFlexBackupSnapshot', () => {
  it('answers a snapshot of the cluster, 404 RESOURCE_NOT_FOUND for an id it does not have', async () => {
    const listed = await ask('listFlexBackupSnapshots', listPath());
    const id = listed.body.results[1].id as string;
    const one = await ask('getFlexBackupSnapshot', `${listPath()}/${id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(listed.body.results[1]);
    const missing = await ask('getFlexBackupSnapshot', `${listPath()}/${hex(9)}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: 'RESOURCE_NOT_FOUND', parameters: [hex(9)] });
  });
});
