// The test oracle for "the newest completed snapshot": the spec example's snapshot listing, which
// the mock answers for every Flex cluster it was not told otherwise about.
import { examples } from '@atlas-kit/openapi/examples';

interface ListedSnapshot {
  id?: string;
  status?: string;
  finishTime?: string;
}

const listed: readonly ListedSnapshot[] = examples.listFlexBackupSnapshots.success.results;

/** The completed snapshot of the example listing that finished last. */
export const newestExampleSnapshot = listed
  .filter((s) => s.status === 'COMPLETED' && s.id && s.finishTime)
  .reduce<ListedSnapshot | undefined>((a, s) => (a && (a.finishTime ?? '') > (s.finishTime ?? '') ? a : s), undefined);

if (!newestExampleSnapshot?.id || !newestExampleSnapshot.finishTime) {
  throw new Error("the spec's snapshot listing example has no completed snapshot with a finish time");
}

/** An id of the right form that the example listing does not have. */
export const unlistedSnapshotId = 'f'.repeat(24);
if (listed.some((s) => s.id === unlistedSnapshotId)) throw new Error('the unlisted id is listed');
