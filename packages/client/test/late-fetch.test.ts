// A client made before a test patches fetch (msw's server.listen() in beforeAll, the usual layout
// of a test file) must use the patched fetch: the global is read at each request, not at creation.
import { operation } from '@atlas-kit/openapi';
import { afterEach, expect, it } from 'vitest';
import { createAtlasClient } from '../src/index.ts';

const original = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = original;
});

it('uses the fetch in place when the call is made, not the one in place when the client was made', async () => {
  const client = createAtlasClient({ auth: { type: 'bearer', token: 'tok-123456' } });
  const seen: string[] = [];
  globalThis.fetch = async (input) => {
    seen.push(String(input instanceof Request ? input.url : input));
    return new Response(JSON.stringify({ id: '6561d2f4c8ff4d3a1f2eab12', status: 'PENDING' }), {
      status: 200,
      headers: { 'Content-Type': operation('downloadFlexBackup').mediaType },
    });
  };
  const result = await client.downloadFlexBackup(
    { groupId: '5e2211c17a3e5a48f5497de3', name: 'Cluster0' },
    { snapshotId: '6561d0b5c8ff4d3a1f2e9a07' },
  );
  expect(result.data.status).toBe('PENDING');
  expect(seen).toEqual([
    'https://cloud.mongodb.com/api/atlas/v2/groups/5e2211c17a3e5a48f5497de3/flexClusters/Cluster0/backup/download',
  ]);
});

it('refuses a fetch option that is no function', () => {
  expect(() => createAtlasClient({ auth: { type: 'none' }, fetch: 'fetch' as never })).toThrow(
    'createAtlasClient: fetch must be a function, got a string',
  );
});
