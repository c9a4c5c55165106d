// The one POST both cold-start scripts send and check (a tenant download; the answer must be the
// new job, PENDING), so that both processes do exactly the same request.
export const media = 'application/vnd.atlas.2023-01-01+json';

const downloadUrl =
  'https://cloud.mongodb.com/api/atlas/v2/groups/5e2211c17a3e5a48f5497de3/clusters/Cluster0/backup/tenant/download';

/** Sends the POST through the intercepted fetch; false unless it was answered 200 with a PENDING job. */
export async function postDownload() {
  const response = await fetch(downloadUrl, {
    method: 'POST',
    headers: { Authorization: 'Bearer cold-start', Accept: media, 'Content-Type': media },
    body: JSON.stringify({ snapshotId: '6561d0b5c8ff4d3a1f2e9a07', targetDeploymentItemName: 'Cluster0' }),
  });
  const job = await response.json();
  return response.status === 200 && job.status === 'PENDING';
}
