// The errorCode each error interaction of the tenant download uses as its example. Endpoint-specific
// codes come from the mocks' documented-facts module (the one hand-typed list of what Atlas
// documents for this endpoint); statuses without one use the errorCode of the spec's own example.
import { endpointErrorCodes, rateLimitedErrorCode } from '@atlas-kit/mocks';
import { documentedResponse, tenantDownload } from './spec-facts.ts';

export type TenantErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 429 | 500;

const endpointCodes: Partial<Record<number, readonly string[]>> = endpointErrorCodes.downloadClusterBackupTenant;

function specExampleCode(status: number): string {
  const example = documentedResponse(tenantDownload, status).content?.['application/json']?.example;
  if (typeof example?.errorCode !== 'string') throw new Error(`the spec has no errorCode example for ${status}`);
  return example.errorCode;
}

export function tenantErrorCode(status: TenantErrorStatus): string {
  if (status === 429) return rateLimitedErrorCode;
  return endpointCodes[status]?.[0] ?? specExampleCode(status);
}

/** `reason` of the spec's example for a status (e.g. `Not Found`). */
export function tenantErrorReason(status: TenantErrorStatus): string {
  return String(documentedResponse(tenantDownload, status).content?.['application/json']?.example?.reason ?? '');
}
