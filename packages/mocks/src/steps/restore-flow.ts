// 200: a download creates a job (PENDING); each poll moves it one phase on (restore-jobs.ts). A
// poll of an unknown job — or of another project's or cluster's — is 404 RESOURCE_NOT_FOUND.
import { apiError, genericErrorCode } from '../api-error.ts';
import { type RestoreApi, restoreJobBody } from '../restore-jobs.ts';
import { atlasOperationIds } from '../spec.ts';
import { declaredBodyFields } from '../validation.ts';
import { type AnswerContext, param, type Reply } from './context.ts';

const bodyFields = ['snapshotId', 'targetDeploymentItemName', 'targetProjectId'] as const;
const apiOf = new Map<string, RestoreApi>(
  atlasOperationIds.map((id) => [id, id.toLowerCase().includes('flex') ? 'flex' : 'tenant']),
);

export function restoreFlow(ctx: AnswerContext): Reply {
  const { operation: op, mock, groupId, now } = ctx;
  const id = op.operationId;
  const api = apiOf.get(id) as RestoreApi;
  const cluster = param(ctx.params, op.clusterParam);
  if (op.method === 'POST') {
    // Only what the request schema declares reaches the job (validated); anything else is ignored.
    const declared = declaredBodyFields(id);
    const taken: Record<string, string> = {};
    for (const name of bodyFields) {
      const value = ctx.body?.[name];
      if (declared.has(name) && typeof value === 'string') taken[name] = value;
    }
    // A Flex download names a snapshot of the cluster's listing (snapshots.ts): another one is not found.
    const snapshot = api === 'flex' ? mock.snapshots.find(groupId, cluster, taken.snapshotId ?? '') : undefined;
    if (api === 'flex' && !snapshot) {
      const detail = `No snapshot with ID ${taken.snapshotId} exists for flex cluster ${cluster} in project ${groupId}.`;
      return apiError(id, 404, genericErrorCode(404), detail, { parameters: [taken.snapshotId] });
    }
    const job = mock.jobs.create({ api, groupId, clusterName: cluster, ...taken }, now);
    if (snapshot?.finishTime) job.snapshotFinishedDate = snapshot.finishTime;
    return { status: 200, mediaType: op.mediaType, body: restoreJobBody(job) as Record<string, unknown> };
  }
  const jobId = param(ctx.params, op.jobParam);
  const job = mock.jobs.find(api, jobId, groupId, cluster);
  if (!job) {
    const detail = `No restore job with ID ${jobId} exists for cluster ${cluster} in project ${groupId}.`;
    return apiError(id, 404, genericErrorCode(404), detail, { parameters: [jobId] });
  }
  mock.jobs.advance(job, mock.scenario.restoreOutcome ?? 'COMPLETED', now);
  return { status: 200, mediaType: op.mediaType, body: restoreJobBody(job) as Record<string, unknown> };
}
