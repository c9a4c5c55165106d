// Cold start, baseline: openapi-fetch alone making the same call against the same stub.
import createClient from 'openapi-fetch';

const body = JSON.stringify({ id: '6561d2f4c8ff4d3a1f2eab12', status: 'COMPLETED' });
const stub = async () =>
  new Response(body, { status: 200, headers: { 'Content-Type': 'application/vnd.atlas.2024-11-13+json' } });
const client = createClient({ baseUrl: 'http://127.0.0.1:9', fetch: stub });
const r = await client.GET('/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/restoreJobs/{restoreJobId}', {
  params: { path: { groupId: '5e2211c17a3e5a48f5497de3', name: 'Cluster0', restoreJobId: '6561d2f4c8ff4d3a1f2eab12' } },
  headers: { Accept: 'application/vnd.atlas.2024-11-13+json' },
});
if (r.data.status !== 'COMPLETED') process.exit(1);
