// The errorCode and reason each error interaction of the tenant download uses: the default code
// the spec documents for the status (the endpoint's own first, see the overlay of specs/).
import { errorExample, tenantDownload } from './spec-facts.ts';

export type TenantErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 429 | 500;

export function tenantErrorCode(status: TenantErrorStatus): string {
  return errorExample(tenantDownload, status).errorCode;
}

/** `reason` of the spec's example for a status (e.g. `Not Found`). */
export function tenantErrorReason(status: TenantErrorStatus): string {
  return errorExample(tenantDownload, status).reason;
}
