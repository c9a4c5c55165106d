// Sample input for the form, from the spec's own examples of downloadClusterBackupTenant (compiled
// by `pnpm generate`): the request body example and the project of its answer, so the page never
// invents ids.
import { examples } from '@atlas-kit/openapi/examples';

function example(value: unknown, name: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new Error(`The spec has no example ${name} for downloadClusterBackupTenant (specs/tenant-download.yaml)`);
}

function specExamples(): { groupId: string; clusterName: string; snapshotId: string } {
  const { request, success } = examples.downloadClusterBackupTenant;
  return {
    groupId: example(success.projectId, 'projectId'),
    // The body names the cluster `targetDeploymentItemName` (it defaults to the cluster in the path).
    clusterName: example(request.targetDeploymentItemName, 'targetDeploymentItemName'),
    snapshotId: example(request.snapshotId, 'snapshotId'),
  };
}

/** Input that the mock's spec validation accepts: the spec's example ids. */
export const sampleValues = specExamples();
