// Every fact about the Atlas operations that the page reads, in one module: the server, the sample
// input (the spec's own examples of downloadClusterBackupTenant, so the page never invents ids), the
// schemas the form's values must meet and the refusals Atlas documents for the download. When the facts
// move to a generated module, this file is the one place to repoint.
import { endpointErrorCodes } from '@atlas-kit/mocks';
import { atlasDocument, atlasServerUrl, createSpecValidator, operation } from '@atlas-kit/openapi';

/** Where Atlas answers (the spec's server): the client's base URL, answered here by the mock. */
export { atlasServerUrl };

const validator = createSpecValidator();
const download = operation('downloadClusterBackupTenant');
const downloadOperation = atlasDocument.paths[download.path]?.[download.method.toLowerCase()];
const body = downloadOperation?.requestBody?.content?.[download.mediaType];
const bodySchema = validator.deref<Record<string, any>>(body?.schema ?? {});

function example(value: unknown, name: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new Error(`The spec has no example ${name} for downloadClusterBackupTenant (specs/tenant-download.yaml)`);
}

function pathParameterSchema(name: string): Record<string, unknown> {
  for (const p of downloadOperation?.parameters ?? []) {
    const param = validator.deref<Record<string, any>>(p);
    if (param.in === 'path' && param.name === name && param.schema) return param.schema;
  }
  throw new Error(`The spec has no path parameter ${name} for downloadClusterBackupTenant`);
}

function bodyPropertySchema(name: string): Record<string, unknown> {
  const schema = bodySchema.properties?.[name];
  if (!schema) throw new Error(`The spec's downloadClusterBackupTenant body has no property ${name}`);
  return schema;
}

/** Input that the mock's spec validation accepts: the spec's example ids. */
export const sampleValues = {
  groupId: example(atlasDocument.components.parameters?.groupId?.schema?.example, 'groupId'),
  // The body names the cluster `targetDeploymentItemName` (it defaults to the cluster in the path).
  clusterName: example(body?.example?.targetDeploymentItemName, 'targetDeploymentItemName'),
  snapshotId: example(body?.example?.snapshotId, 'snapshotId'),
};

/**
 * The schemas each value of the form must meet. The cluster name is sent twice — in the path and
 * as the body's `targetDeploymentItemName`, which the client defaults to it — so it must meet both.
 */
export const fieldSchemas = {
  groupId: [pathParameterSchema('groupId')],
  clusterName: [pathParameterSchema('clusterName'), bodyPropertySchema('targetDeploymentItemName')],
  snapshotId: [bodyPropertySchema('snapshotId')],
} as const;

/** Whether `value` meets every schema (ajv, through the spec validator; no pattern is retyped here). */
export function meetsSchemas(value: string, schemas: readonly Record<string, unknown>[]): boolean {
  return schemas.every((schema) => validator.validateSchema(schema, value).length === 0);
}

type DownloadCodes = typeof endpointErrorCodes.downloadClusterBackupTenant;
/** The refusals (HTTP 400) that Atlas documents for the tenant download. */
export type DownloadRefusalCode = DownloadCodes[400][number];
export const downloadRefusalCodes: readonly DownloadRefusalCode[] = endpointErrorCodes.downloadClusterBackupTenant[400];
