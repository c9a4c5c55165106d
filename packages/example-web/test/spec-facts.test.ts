// The facts the page reads from the spec: the sample ids are the spec's own examples, not made-up
// ones, and the rules the hints state are the rules of the spec's schemas.
import atlasDocument from '@atlas-kit/openapi/documents/atlas-kit.json' with { type: 'json' };
import { expect, test } from 'vitest';
import { labels } from '../src/labels.ts';
import { downloadRefusalCodes, fieldRules, meetsRules, sampleValues } from '../src/spec-facts.ts';

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
  const post = Object.values<any>(atlasDocument.paths).find(
    (item) => item.post?.operationId === 'downloadClusterBackupTenant',
  )?.post;
  const examples = Object.values(post?.requestBody?.content ?? {}).map((c: any) => c.example);
  expect(examples).toContainEqual({
    snapshotId: sampleValues.snapshotId,
    targetDeploymentItemName: sampleValues.clusterName,
  });
});

test('the cluster name meets both schemas it is sent against: up to 64 characters, as the hint says', () => {
  const ok = `c${'0'.repeat(63)}`;
  expect(ok).toHaveLength(64);
  expect(meetsRules(ok, fieldRules.clusterName)).toBe(true);
  // 65 characters pass the path parameter's pattern but not the body's targetDeploymentItemName.
  expect(meetsRules(`${ok}0`, fieldRules.clusterName.slice(0, 1))).toBe(true);
  expect(meetsRules(`${ok}0`, fieldRules.clusterName)).toBe(false);
  expect(labels.en.fields.clusterName.rule).toContain('64');
  expect(labels['zh-CN'].fields.clusterName.rule).toContain('64');
});

test('the documented refusals exclude the generic validation code', () => {
  expect(downloadRefusalCodes).toEqual(['CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY', 'TOO_MANY_SNAPSHOT_DOWNLOADS']);
});

test('ids are 24 hexadecimal characters, as the hints say', () => {
  for (const key of ['groupId', 'snapshotId'] as const) {
    expect(meetsRules(sampleValues[key], fieldRules[key])).toBe(true);
    expect(meetsRules(sampleValues[key].toUpperCase(), fieldRules[key])).toBe(false);
    expect(meetsRules(sampleValues[key].slice(1), fieldRules[key])).toBe(false);
    expect(labels.en.fields[key].rule).toMatch(/^24 hexadecimal characters/);
  }
});

test('the refusals are the 400 codes Atlas documents for the download, each with words in both languages', () => {
  expect(downloadRefusalCodes.length).toBeGreaterThan(0);
  for (const code of downloadRefusalCodes) {
    expect(labels.en.errors.codes[code]).toBeTruthy();
    expect(labels['zh-CN'].errors.codes[code]).toMatch(/[\u4e00-\u9fff]/);
  }
});
