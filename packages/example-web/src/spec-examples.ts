// Sample input for the form, read from the spec's own examples of downloadClusterBackupTenant (the
// request body example and the groupId parameter example), so the page never invents ids.
import { atlasDocument, operation } from '@atlas-kit/openapi';

function example(value: unknown, name: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new Error(`The spec has no example ${name} for downloadClusterBackupTenant (specs/tenant-download.yaml)`);
}

function specExamples(): { groupId: string; clusterName: string; snapshotId: string } {
  const op = operation('downloadClusterBackupTenant');
  const body = atlasDocument.paths[op.path]?.[op.method.toLowerCase()]?.requestBody?.content?.[op.mediaType]?.example;
  return {
    groupId: example(atlasDocument.components.parameters?.groupId?.schema?.example, 'groupId'),
    // The body names the cluster `targetDeploymentItemName` (it defaults to the cluster in the path).
    clusterName: example(body?.targetDeploymentItemName, 'targetDeploymentItemName'),
    snapshotId: example(body?.snapshotId, 'snapshotId'),
  };
}

/** Input that the mock's spec validation accepts: the spec's example ids. */
export const sampleValues = specExamples();
