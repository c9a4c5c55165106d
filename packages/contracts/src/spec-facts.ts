// Everything the contracts need to know about the API, read from the merged document so that no
// path, media type, example id, enum or header example is typed twice.
import { atlasDocument, createSpecValidator, type OperationFacts, operation } from '@atlas-kit/openapi';

const validator = createSpecValidator(atlasDocument);

export const tenantDownload = operation('downloadClusterBackupTenant');
export const tenantRestorePoll = operation('getBackupTenantRestore');
export const flexDownload = operation('downloadFlexBackup');
export const flexRestorePoll = operation('getFlexRestoreJob');
export const contractOperations: OperationFacts[] = [tenantDownload, tenantRestorePoll, flexDownload, flexRestorePoll];

function operationObject(op: OperationFacts): Record<string, any> {
  return validator.findOperation(op.operationId).operation;
}

/** The documented response (refs resolved) of an operation for a status. */
export function documentedResponse(op: OperationFacts, status: number | string): Record<string, any> {
  const response = operationObject(op).responses?.[String(status)];
  if (!response) throw new Error(`${op.operationId} documents no ${status} response`);
  return validator.deref<Record<string, any>>(response);
}

/** The example of the 200 answer (the spec's own, see specs/*.yaml). */
export function successExample(op: OperationFacts): Record<string, any> {
  const example = documentedResponse(op, 200).content?.[op.mediaType]?.example;
  if (!example) throw new Error(`${op.operationId}: the 200 answer has no example`);
  return example;
}

/** The example of the request body. */
export function requestExample(op: OperationFacts): Record<string, any> {
  const example = operationObject(op).requestBody?.content?.[op.mediaType]?.example;
  if (!example) throw new Error(`${op.operationId}: the request body has no example`);
  return example;
}

/** Example value of a documented response header (e.g. Deprecation on the tenant 200). */
export function headerExample(op: OperationFacts, status: number, header: string): string {
  const h = documentedResponse(op, status).headers?.[header];
  const example = h && validator.deref<Record<string, any>>(h).schema?.example;
  if (typeof example !== 'string') throw new Error(`${op.operationId} ${status}: no example for header ${header}`);
  return example;
}

/** `^(A|B|C)$` from a schema enum, so that a matcher accepts exactly the documented values. */
export function enumPattern(schemaName: string, property: string): string {
  const values = atlasDocument.components.schemas?.[schemaName]?.properties?.[property]?.enum;
  if (!Array.isArray(values) || values.length === 0) throw new Error(`${schemaName}.${property} has no enum`);
  return `^(${values.join('|')})$`;
}

/** Media types the spec documents for one status of an operation (errors are `application/json`). */
export function documentedMediaTypes(op: OperationFacts, status: number | string): string[] {
  return Object.keys(documentedResponse(op, status).content ?? {});
}

/** The ids every interaction uses: those of the spec's own examples, so that Prism's answers agree. */
const tenantExample = successExample(tenantDownload);
const tenantRequest = requestExample(tenantDownload);
const flexExample = successExample(flexDownload);
export const ids = {
  groupId: String(tenantExample.projectId),
  clusterName: String(tenantExample.clusterName),
  snapshotId: String(tenantRequest.snapshotId),
  targetDeploymentItemName: String(tenantRequest.targetDeploymentItemName),
  restoreId: String(tenantExample.id),
  flexClusterName: String(flexExample.instanceName),
  flexRestoreJobId: String(flexExample.id),
};

/** Fills a path template (`/api/atlas/v2/groups/{groupId}/…`) with values. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}
