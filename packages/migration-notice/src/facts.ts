// The facts of the migration, read from the operations `pnpm generate` compiled from specs/: the
// deprecated download, the replacement its lifecycle names, and the two restore-job polls.
import { operations } from '@atlas-kit/openapi';

const dep = operations.downloadClusterBackupTenant;
const rep = operations[dep.lifecycle.replacement];
const tenantPoll = operations.getBackupTenantRestore;
const flexPoll = operations[tenantPoll.lifecycle.replacement];

/** The deprecated operation, downloadClusterBackupTenant, as the pinned fragment describes it. */
export const deprecatedOperation = {
  operationId: dep.operationId,
  formerOperationIds: dep.formerOperationIds,
  docsOperationId: dep.docsOperationId,
  method: dep.method,
  path: dep.path,
  resourceVersion: dep.version,
  mediaType: dep.mediaType,
  deprecated: dep.lifecycle.deprecated,
  sunset: dep.lifecycle.sunset,
  docsUrl: dep.docsUrl,
  summary: dep.summary,
  requestSchema: dep.requestBody.schema,
  responseSchema: dep.responses['200'].schema,
} as const;

/** downloadFlexBackup; docsUrl is the link upstream gives users of the deprecated operation. */
export const replacementOperation = {
  operationId: rep.operationId,
  method: rep.method,
  path: rep.path,
  resourceVersion: rep.version,
  mediaType: rep.mediaType,
  docsUrl: dep.lifecycle.successorDocs.url,
  docsTitle: dep.lifecycle.successorDocs.title,
  summary: rep.summary,
  requestSchema: rep.requestBody.schema,
  responseSchema: rep.responses['200'].schema,
} as const;

/** The restore-job polls: the tenant one that goes with the deprecated download, the flex one that replaces it. */
export const restoreJobPolls = {
  tenant: {
    operationId: tenantPoll.operationId,
    method: tenantPoll.method,
    path: tenantPoll.path,
    resourceVersion: tenantPoll.version,
    mediaType: tenantPoll.mediaType,
    deprecated: tenantPoll.lifecycle.deprecated,
    sunset: tenantPoll.lifecycle.sunset,
    docsOperationId: tenantPoll.docsOperationId,
    docsUrl: tenantPoll.docsUrl,
    successorDocsUrl: tenantPoll.lifecycle.successorDocs.url,
    responseSchema: tenantPoll.responses['200'].schema,
  },
  flex: {
    operationId: flexPoll.operationId,
    method: flexPoll.method,
    path: flexPoll.path,
    resourceVersion: flexPoll.version,
    mediaType: flexPoll.mediaType,
    deprecated: flexPoll.lifecycle.deprecated,
    docsOperationId: flexPoll.docsOperationId,
    docsUrl: flexPoll.docsUrl,
    responseSchema: flexPoll.responses['200'].schema,
  },
} as const;

export type DeprecatedOperation = typeof deprecatedOperation;
export type ReplacementOperation = typeof replacementOperation;
export type RestoreJobPoll = (typeof restoreJobPolls)[keyof typeof restoreJobPolls];

/** `YYYY-MM-DD` → the Date at 00:00:00 UTC of that day. */
export function utcDay(day: string): Date {
  const date = new Date(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) {
    throw new TypeError(`Expected a day as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return date;
}

/** UTC midnight at the start of the x-sunset day: from then on the operation counts as sunset. */
export const sunsetDate: Date = utcDay(deprecatedOperation.sunset);

/** The default date of the `Deprecation` header (the overlay's x-atlas-kit-deprecated-since; it says why). */
export const deprecationDate: Date = utcDay(dep.lifecycle.deprecatedSince);
