// Consumer contract of the restore-job polls: getBackupTenantRestore (tenant) and
// getFlexRestoreJob (its flex replacement). The client polls until COMPLETED and then needs the
// download URL and its expiry; those are the fields matched here.
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import {
  enumPattern,
  fillPath,
  flexRestorePoll,
  ids,
  successExample,
  tenantRestorePoll,
} from '../../src/spec-facts.ts';
import { states } from '../../src/states.ts';
import { clientFor, HEX24, ISO_UTC, newPact, requestHeaders } from './support.ts';

const { regex, string } = MatchersV3;

/** The spec example's download URL without its signed query, so that no signature lands in the pact. */
function unsignedUrl(url: unknown): string {
  const u = new URL(String(url));
  u.search = '';
  return u.toString();
}

describe('restore-job polls (consumer: @atlas-kit/client)', () => {
  const pact = newPact();

  it('reads a completed tenant restore job: status, download URL and expiry', async () => {
    const op = tenantRestorePoll;
    const example = successExample(op);
    const pathParams = { groupId: ids.groupId, clusterName: ids.clusterName, restoreId: ids.restoreId };
    await pact
      .addInteraction()
      .given(states.tenantLive)
      .given(states.tenantRestoreCompleted, { ...pathParams, snapshotId: ids.snapshotId })
      .uponReceiving('a poll of a completed tenant restore job')
      .withRequest(op.method, fillPath(op.path, pathParams), (b) => b.headers(requestHeaders(op, false)))
      .willRespondWith(200, (b) =>
        b.headers({ 'Content-Type': op.mediaType }).jsonBody({
          id: regex(HEX24, ids.restoreId),
          status: 'COMPLETED',
          deliveryType: regex(enumPattern('TenantRestore', 'deliveryType'), 'DOWNLOAD'),
          snapshotUrl: regex('^https://\\S+$', unsignedUrl(example.snapshotUrl)),
          expirationDate: regex(ISO_UTC, String(example.expirationDate)),
        }),
      )
      .executeTest(async (mockServer) => {
        const { client } = clientFor(mockServer);
        const result = await client.getBackupTenantRestore(pathParams);
        expect(result.data).toMatchObject({ id: ids.restoreId, status: 'COMPLETED' });
        expect(result.data.snapshotUrl).toMatch(/^https:\/\//);
      });
  });

  it('reads a completed flex restore job: status, download URL and expiry', async () => {
    const op = flexRestorePoll;
    const example = successExample(op);
    const pathParams = { groupId: ids.groupId, name: ids.flexClusterName, restoreJobId: ids.flexRestoreJobId };
    await pact
      .addInteraction()
      .given(states.flexRestoreCompleted, { ...pathParams, snapshotId: ids.snapshotId })
      .uponReceiving('a poll of a completed flex restore job')
      .withRequest(op.method, fillPath(op.path, pathParams), (b) => b.headers(requestHeaders(op, false)))
      .willRespondWith(200, (b) =>
        b.headers({ 'Content-Type': op.mediaType }).jsonBody({
          id: regex(HEX24, ids.flexRestoreJobId),
          status: 'COMPLETED',
          deliveryType: string('DOWNLOAD'),
          snapshotUrl: regex('^https://\\S+$', unsignedUrl(example.snapshotUrl)),
          expirationDate: regex(ISO_UTC, String(example.expirationDate)),
        }),
      )
      .executeTest(async (mockServer) => {
        const { client } = clientFor(mockServer);
        const result = await client.getFlexRestoreJob(pathParams);
        expect(result.data).toMatchObject({ id: ids.flexRestoreJobId, status: 'COMPLETED' });
        expect(result.data.snapshotUrl).toMatch(/^https:\/\//);
      });
  });
});
