// 200: the Flex snapshot listing (paged as Atlas pages: `pageNum`, `itemsPerPage`, `includeCount`)
// and one snapshot by id (404 RESOURCE_NOT_FOUND for an id the cluster does not have). Other
// operations pass.
import { operations } from '@atlas-kit/openapi';
import { apiError, genericErrorCode } from '../api-error.ts';
import { listingHref } from '../snapshots.ts';
import { type AnswerContext, param, type Reply } from './context.ts';

/** The spec's defaults of the paging parameters (the validators check values, they add no defaults). */
const paging = Object.fromEntries(
  operations.listFlexBackupSnapshots.parameters.flatMap((p) => ('default' in p ? [[p.name, p.default]] : [])),
) as { pageNum: number; itemsPerPage: number; includeCount: boolean };

export function snapshotListing(ctx: AnswerContext): Reply | undefined {
  const { operation: op, mock, groupId } = ctx;
  if (op.operationId !== 'listFlexBackupSnapshots' && op.operationId !== 'getFlexBackupSnapshot') return undefined;
  const cluster = param(ctx.params, op.clusterParam);
  if (op.operationId === 'getFlexBackupSnapshot') {
    const id = param(ctx.params, 'snapshotId');
    const snapshot = mock.snapshots.find(groupId, cluster, id);
    if (!snapshot) {
      const detail = `No snapshot with ID ${id} exists for flex cluster ${cluster} in project ${groupId}.`;
      return apiError(op.operationId, 404, genericErrorCode(404), detail, { parameters: [id] });
    }
    return { status: 200, mediaType: op.mediaType, body: snapshot as Record<string, unknown> };
  }
  // Validated (bounds included) and coerced by the validation step; the spec's defaults otherwise.
  const {
    pageNum = paging.pageNum,
    itemsPerPage = paging.itemsPerPage,
    includeCount = paging.includeCount,
  } = ctx.checked.values as {
    pageNum?: number;
    itemsPerPage?: number;
    includeCount?: boolean;
  };
  const all = mock.snapshots.list(groupId, cluster);
  const results = all.slice((pageNum - 1) * itemsPerPage, pageNum * itemsPerPage);
  const href = `${listingHref(groupId, cluster)}?pageNum=${pageNum}&itemsPerPage=${itemsPerPage}`;
  return {
    status: 200,
    mediaType: op.mediaType,
    body: {
      links: [{ href, rel: 'self' }],
      results,
      ...(includeCount ? { totalCount: all.length } : {}),
    },
  };
}
