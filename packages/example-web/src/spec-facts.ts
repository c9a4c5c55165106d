// Every fact about the Atlas operations that the page reads, in one module, from the facts
// `pnpm generate` compiled from specs/ (@atlas-kit/openapi): the sample input (the
// spec's own examples of downloadClusterBackupTenant, so the page never invents ids), the rules the
// form's values must meet (the compiled validators) and the refusals Atlas documents for the download.
import { atlas, operations, validateBody, validateParams } from '@atlas-kit/openapi';
import { examples } from '@atlas-kit/openapi/examples';

function example(value: unknown, name: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new Error(`The spec has no example ${name} for downloadClusterBackupTenant (specs/tenant-download.yaml)`);
}

const { request, success } = examples.downloadClusterBackupTenant;

/** Input that the mock's spec validation accepts: the spec's example ids. */
export const sampleValues = {
  groupId: example(success.projectId, 'projectId'),
  // The body names the cluster `targetDeploymentItemName` (it defaults to the cluster in the path).
  clusterName: example(request.targetDeploymentItemName, 'targetDeploymentItemName'),
  snapshotId: example(request.snapshotId, 'snapshotId'),
};

/** A value checked as a path parameter or as a body property of downloadClusterBackupTenant. */
export interface FieldRule {
  in: 'path' | 'body';
  name: string;
}

/**
 * The rules each value of the form must meet. The cluster name is sent twice — in the path and as
 * the body's `targetDeploymentItemName`, which the client defaults to it — so it must meet both.
 */
export const fieldRules = {
  groupId: [{ in: 'path', name: 'groupId' }],
  clusterName: [
    { in: 'path', name: 'clusterName' },
    { in: 'body', name: 'targetDeploymentItemName' },
  ],
  snapshotId: [{ in: 'body', name: 'snapshotId' }],
} as const satisfies Record<string, readonly FieldRule[]>;

/** Whether `value` meets every rule (the compiled validators; no pattern is retyped here). */
export function meetsRules(value: string, rules: readonly FieldRule[]): boolean {
  return rules.every((rule) => {
    if (rule.in === 'path') {
      const result = validateParams('downloadClusterBackupTenant', { ...sampleValues, [rule.name]: value });
      return result.ok || !result.issues.some((i) => i.path === `/${rule.name}`);
    }
    const body = { snapshotId: sampleValues.snapshotId, targetDeploymentItemName: sampleValues.clusterName };
    return !validateBody('downloadClusterBackupTenant', { ...body, [rule.name]: value }).some(
      (i) => i.path === `/${rule.name}`,
    );
  });
}

type Codes = (typeof operations.downloadClusterBackupTenant.responses)['400']['errorCodes'];
/** The refusals (HTTP 400) that Atlas documents for the tenant download, beyond invalid input. */
export type DownloadRefusalCode = Exclude<Codes[number], 'VALIDATION_ERROR'>;
export const downloadRefusalCodes: readonly DownloadRefusalCode[] = operations.downloadClusterBackupTenant.responses[
  '400'
].errorCodes.filter((code): code is DownloadRefusalCode => code !== atlas.errorCodes['400']);
