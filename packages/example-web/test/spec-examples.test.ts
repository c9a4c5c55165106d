// The form's sample ids are the spec's own examples, not made-up ones.
import tenantDownload from '@atlas-kit/openapi/documents/tenant-download.json' with { type: 'json' };
import { expect, test } from 'vitest';
import { sampleValues } from '../src/spec-examples.ts';

const post = Object.values<any>(tenantDownload.paths)[0].post;

test('the snapshot and cluster are the request example of downloadClusterBackupTenant', () => {
  const examples = Object.values<any>(post.requestBody.content).map((c) => c.example);
  expect(examples).toContainEqual({
    snapshotId: sampleValues.snapshotId,
    targetDeploymentItemName: sampleValues.clusterName,
  });
});

test('the project is the one of the answer example', () => {
  const answers = Object.values<any>(post.responses['200'].content).map((c) => c.example.projectId);
  expect(answers).toContain(sampleValues.groupId);
});
