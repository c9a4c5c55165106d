// Cold start, baseline: msw alone answering the same POST through setupServer, with one http.post
// returning static JSON. Like the mock (and any handler creating a resource), it reads and parses
// the request body.
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { media, postDownload } from './post.mjs';

const server = setupServer(
  http.post(
    'https://cloud.mongodb.com/api/atlas/v2/groups/:groupId/clusters/:clusterName/backup/tenant/download',
    async ({ request }) => {
      const { snapshotId } = await request.json();
      return HttpResponse.json(
        { id: '6561d2f4c8ff4d3a1f2eab12', clusterName: 'Cluster0', snapshotId, status: 'PENDING' },
        { headers: { 'Content-Type': media } },
      );
    },
  ),
);
server.listen({ onUnhandledFrame: 'error' });
const answered = await postDownload();
server.close();
if (!answered) process.exit(1);
