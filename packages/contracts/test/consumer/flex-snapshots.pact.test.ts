// Consumer contract of the Flex snapshot listing a migrating caller needs to find the snapshot to
// download: the first page as the client asks for it (the largest page the spec allows, with the
// count), and one snapshot by id. Only the fields the client reads are asserted.

import { operations } from '@atlas-kit/openapi';
import { examples } from '@atlas-kit/openapi/examples';
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { fillPath, ids } from '../../src/spec-facts.ts';
import { states } from '../../src/states.ts';
import { clientFor, HEX24, ISO_UTC, newPact, requestHeaders } from './support.ts';

const { eachLike, integer, regex, string } = MatchersV3;
const list = operations.listFlexBackupSnapshots;
const one = operations.getFlexBackupSnapshot;
const newest = examples.listFlexBackupSnapshots.success.results[0];
const snapshot = (example: { id: string; status: string; finishTime: string }) => ({
  id: regex(HEX24, example.id),
  status: string(example.status),
  finishTime: regex(ISO_UTC, example.finishTime),
});

describe('Flex snapshot listing (consumer: @atlas-kit/client)', () => {
  const pact = newPact();
  const pathParams = { groupId: ids.groupId, name: ids.flexClusterName };

  it('finds the newest completed snapshot on the first page of the listing', async () => {
    const maxPage = String(list.parameters.find((p) => p.name === 'itemsPerPage')?.maximum);
    await pact
      .addInteraction()
      .given(states.flexSnapshotsListed, { ...pathParams, snapshotId: ids.snapshotId })
      .uponReceiving('a request for the first page of a flex cluster snapshot listing')
      .withRequest(list.method, fillPath(list.path, pathParams), (b) =>
        b.query({ pageNum: '1', itemsPerPage: maxPage, includeCount: 'true' }).headers(requestHeaders(list, false)),
      )
      .willRespondWith(200, (b) =>
        b.headers({ 'Content-Type': list.mediaType }).jsonBody({
          results: eachLike(snapshot(newest)),
          totalCount: integer(1),
        }),
      )
      .executeTest(async (mockServer) => {
        const { client } = clientFor(mockServer);
        const latest = await client.latestFlexSnapshot(pathParams);
        expect(latest?.id).toBe(ids.snapshotId);
      });
  });

  it('reads one snapshot of a flex cluster by id', async () => {
    const example = examples.getFlexBackupSnapshot.success;
    await pact
      .addInteraction()
      .given(states.flexSnapshotsListed, { ...pathParams, snapshotId: ids.snapshotId })
      .uponReceiving('a request for one flex cluster snapshot')
      .withRequest(one.method, fillPath(one.path, { ...pathParams, snapshotId: ids.snapshotId }), (b) =>
        b.headers(requestHeaders(one, false)),
      )
      .willRespondWith(200, (b) => b.headers({ 'Content-Type': one.mediaType }).jsonBody(snapshot(example)))
      .executeTest(async (mockServer) => {
        const { client } = clientFor(mockServer);
        const result = await client.getFlexBackupSnapshot({ ...pathParams, snapshotId: ids.snapshotId });
        expect(result.data).toMatchObject({ id: ids.snapshotId, status: 'COMPLETED' });
      });
  });
});
