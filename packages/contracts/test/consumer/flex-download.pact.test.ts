// Consumer contract of downloadFlexBackup, the replacement the client moves to after the sunset:
// the restore job it starts, with the fields the client maps onto the tenant shape
// (instanceName ↔ clusterName) and polls with.
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { fillPath, flexDownload, ids, successExample } from '../../src/spec-facts.ts';
import { states } from '../../src/states.ts';
import { clientFor, HEX24, newPact, requestHeaders } from './support.ts';

const { regex, string } = MatchersV3;

describe('downloadFlexBackup (consumer: @atlas-kit/client)', () => {
  const pact = newPact();

  it('reads the restore job Atlas starts for a flex snapshot', async () => {
    const op = flexDownload;
    const example = successExample(op);
    const pathParams = { groupId: ids.groupId, name: ids.flexClusterName };
    const body = { snapshotId: ids.snapshotId };
    await pact
      .addInteraction()
      .given(states.flexSnapshotReady, { ...pathParams, snapshotId: ids.snapshotId })
      .uponReceiving('a request to download a flex cluster snapshot')
      .withRequest(op.method, fillPath(op.path, pathParams), (b) => b.headers(requestHeaders(op, true)).jsonBody(body))
      .willRespondWith(200, (b) =>
        b.headers({ 'Content-Type': op.mediaType }).jsonBody({
          id: regex(HEX24, String(example.id)),
          instanceName: regex('^[a-zA-Z0-9][a-zA-Z0-9-]*$', String(example.instanceName)),
          snapshotId: regex(HEX24, String(example.snapshotId)),
          status: string(String(example.status)),
          deliveryType: string(String(example.deliveryType)),
        }),
      )
      .executeTest(async (mockServer) => {
        const { client } = clientFor(mockServer);
        const result = await client.downloadFlexBackup(pathParams, body);
        expect(result.status).toBe(200);
        expect(result.data).toMatchObject({ id: example.id, snapshotId: ids.snapshotId });
      });
  });
});
