// Where the snapshot to download comes from: the ID typed in the form, or the newest completed
// snapshot of the Flex cluster, which the client finds through the snapshot listing. The form
// check and the request branch on `kind`.
import { lifecycle } from '@atlas-kit/migration-notice';
import type { FormValues } from './field-errors.ts';

/** The choice in the form ("the newest completed snapshot" / "this snapshot ID"). */
export type SnapshotChoice = 'latest' | 'id';
export const snapshotChoices: readonly SnapshotChoice[] = ['latest', 'id'];

export type SnapshotSource = { kind: 'id'; snapshotId: string } | { kind: 'latest' };

export function snapshotSourceOf(values: FormValues, choice: SnapshotChoice = 'id'): SnapshotSource {
  return choice === 'latest' ? { kind: 'latest' } : { kind: 'id', snapshotId: values.snapshotId.trim() };
}

/**
 * The choice a scenario starts with: once the sunset has passed by the mocked Atlas' date the
 * download goes to Flex, where the newest snapshot can be looked up; before it, the tenant API
 * needs a snapshot ID.
 */
export function defaultSnapshotChoice(atlasNow: Date): SnapshotChoice {
  return lifecycle(atlasNow).phase === 'sunset' ? 'latest' : 'id';
}
