// Where the snapshot to download comes from. Today there is one source, the ID typed in the form.
// It is a union on purpose: a second source, "the latest snapshot" of a Flex cluster found through
// the snapshot listing, joins as another member, and the form check and the request already branch
// on `kind` rather than assume a typed ID.
import type { FormValues } from './field-errors.ts';

export type SnapshotSource = { kind: 'id'; snapshotId: string };

export function snapshotSourceOf(values: FormValues): SnapshotSource {
  return { kind: 'id', snapshotId: values.snapshotId.trim() };
}

/** The snapshot ID to send for `source`. */
export function snapshotIdOf(source: SnapshotSource): string {
  switch (source.kind) {
    case 'id':
      return source.snapshotId;
  }
}
