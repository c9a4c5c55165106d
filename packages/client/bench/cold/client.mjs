// Cold start, kit side: import the built client and make one typed call against an in-process stub.
import { createAtlasClient } from '@atlas-kit/client';

const body = JSON.stringify({ id: '6561d2f4c8ff4d3a1f2eab12', status: 'COMPLETED' });
const stub = async () =>
  new Response(body, { status: 200, headers: { 'Content-Type': 'application/vnd.atlas.2024-11-13+json' } });
const client = createAtlasClient({ baseUrl: 'http://127.0.0.1:9', auth: { type: 'bearer', token: 't' }, fetch: stub });
const r = await client.getFlexRestoreJob({
  groupId: '5e2211c17a3e5a48f5497de3',
  name: 'Cluster0',
  restoreJobId: '6561d2f4c8ff4d3a1f2eab12',
});
if (r.data.status !== 'COMPLETED') process.exit(1);
