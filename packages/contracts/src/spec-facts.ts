// Everything the contracts need to know about the API, from the facts `pnpm generate` compiled
// from specs/ (@atlas-kit/openapi): routes, media types, statuses, error codes and the examples
// whose ids every interaction uses. Only the schema enums come from the merged document, the
// same one Prism and the comparator read.
import { type ErrorBody, type OperationFacts, operations } from '@atlas-kit/openapi';
import atlasKit from '@atlas-kit/openapi/documents/atlas-kit.json' with { type: 'json' };
import { examples } from '@atlas-kit/openapi/examples';

export const tenantDownload: OperationFacts = operations.downloadClusterBackupTenant;
export const tenantRestorePoll: OperationFacts = operations.getBackupTenantRestore;
export const flexDownload: OperationFacts = operations.downloadFlexBackup;
export const flexRestorePoll: OperationFacts = operations.getFlexRestoreJob;
/** Every operation of specs/: an interaction must be one of them. */
export const contractOperations: OperationFacts[] = Object.values(operations);

type Id = keyof typeof examples;
const examplesOf = (op: OperationFacts) => examples[op.operationId as Id];

/** The example of the 2xx answer (the spec's own, see specs/*.yaml). */
export function successExample(op: OperationFacts): Record<string, any> {
  return examplesOf(op).success as Record<string, any>;
}

/** The example of the request body. */
export function requestExample(op: OperationFacts): Record<string, any> {
  const ex = examplesOf(op);
  if (!('request' in ex)) throw new Error(`${op.operationId}: the request body has no example`);
  return ex.request as Record<string, any>;
}

/** Example value of a documented header of the 2xx answer (e.g. Deprecation on the tenant download). */
export function headerExample(op: OperationFacts, header: string): string {
  const example = (examplesOf(op).successHeaders as Record<string, string>)[header];
  if (typeof example !== 'string') throw new Error(`${op.operationId}: no example for header ${header}`);
  return example;
}

/** The error body the spec documents for a status: its default code, or the code named. */
export function errorExample(op: OperationFacts, status: number, code?: string): ErrorBody {
  const byCode = (examplesOf(op).errors as Record<string, Record<string, ErrorBody>>)[String(status)] ?? {};
  const key =
    code ?? op.responses[String(status)]?.errorCodes[0] ?? op.responses[String(status)]?.unrelatedErrorCodes[0];
  const body = key === undefined ? undefined : byCode[key];
  if (!body) throw new Error(`${op.operationId} documents no ${status} example${code ? ` with ${code}` : ''}`);
  return body;
}

/** `^(A|B|C)$` from a schema enum, so that a matcher accepts exactly the documented values. */
export function enumPattern(schemaName: string, property: string): string {
  const values = (atlasKit as any).components.schemas?.[schemaName]?.properties?.[property]?.enum;
  if (!Array.isArray(values) || values.length === 0) throw new Error(`${schemaName}.${property} has no enum`);
  return `^(${values.join('|')})$`;
}

/** Media types the spec documents for one status of an operation (errors are `application/json`). */
export function documentedMediaTypes(op: OperationFacts, status: number | string): string[] {
  const mediaType = op.responses[String(status)]?.mediaType;
  return mediaType ? [mediaType] : [];
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
