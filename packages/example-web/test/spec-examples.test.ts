// The form's sample ids are the spec's own examples, not made-up ones.
import { atlasDocument } from '@atlas-kit/openapi';
import { expect, test } from 'vitest';
import { sampleValues } from '../src/spec-examples.ts';

/** Every string found under an `example` key anywhere in the document. */
function exampleStrings(node: unknown, underExample = false): string[] {
  if (typeof node === 'string') return underExample ? [node] : [];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => exampleStrings(v, underExample || k === 'example'));
}

test('each sample value is an example the spec gives', () => {
  const examples = new Set(exampleStrings(atlasDocument));
  for (const [name, value] of Object.entries(sampleValues)) {
    expect(examples.has(value), `${name} ${value} is no spec example`).toBe(true);
  }
});

test('the snapshot and cluster are the request example of downloadClusterBackupTenant', () => {
  const post = Object.values(atlasDocument.paths).find(
    (item) => item.post?.operationId === 'downloadClusterBackupTenant',
  )?.post;
  const examples = Object.values(post?.requestBody?.content ?? {}).map((c: any) => c.example);
  expect(examples).toContainEqual({
    snapshotId: sampleValues.snapshotId,
    targetDeploymentItemName: sampleValues.clusterName,
  });
});
