// What the client knows about each operation comes from the facts `pnpm generate` compiled from
// specs/ (@atlas-kit/openapi): method, path template, media type and lifecycle, and the standalone
// validators of the path parameters and the body. Nothing here retypes a path, a version or a pattern.
import { type OperationFacts, operations, type SchemaIssue, validateBody, validateParams } from '@atlas-kit/openapi';
import type { components, operations as spec } from '@atlas-kit/openapi/types';
import { AtlasValidationError, type ValidationIssue } from './errors.ts';
import { preview } from './redact.ts';

export const clientOperationIds = [
  'downloadClusterBackupTenant',
  'getBackupTenantRestore',
  'downloadFlexBackup',
  'getFlexRestoreJob',
  'listFlexBackupSnapshots',
  'getFlexBackupSnapshot',
] as const satisfies ReadonlyArray<keyof spec>;
export type ClientOperationId = (typeof clientOperationIds)[number];

type Schemas = components['schemas'];
export type TenantRestore = Schemas['TenantRestore'];
export type FlexBackupRestoreJob = Schemas['FlexBackupRestoreJob20241113'];
/** One snapshot of a Flex cluster. */
export type FlexBackupSnapshot = Schemas['FlexBackupSnapshot20241113'];
/** One page of a Flex cluster's snapshots (`results`, `totalCount`, `links`). */
export type FlexBackupSnapshotPage = Schemas['PaginatedApiAtlasFlexBackupSnapshot20241113'];

type MediaOf<Id extends ClientOperationId> = spec[Id] extends { requestBody: { content: infer C } }
  ? C[keyof C]
  : never;
/** Request body of downloadClusterBackupTenant, as the spec types it (TenantRestore). */
export type TenantDownloadBody = MediaOf<'downloadClusterBackupTenant'>;
/** Request body of downloadFlexBackup (FlexBackupSnapshotDownloadCreate20241113). */
export type FlexDownloadBody = MediaOf<'downloadFlexBackup'>;
/** Path parameters of an operation, as the spec types them. */
export type PathParams<Id extends ClientOperationId> = spec[Id]['parameters']['path'];
/** Query parameters of an operation, as the spec types them (paging of the listing). */
export type QueryParams<Id extends ClientOperationId> = NonNullable<spec[Id]['parameters']['query']>;

export interface OperationPlan {
  facts: OperationFacts;
  /** openapi-fetch's name of the method, e.g. `post`. */
  method: string;
  /** Request headers without / with a body: the operation's versioned media type (shared, read-only). */
  headers: Readonly<Record<string, string>>;
  bodyHeaders: Readonly<Record<string, string>>;
  /** Path parameter names, in path order. */
  pathParams: readonly string[];
  /** Query parameter names. */
  queryParams: readonly string[];
  bodyRequired: boolean;
}

const plans = new Map<ClientOperationId, OperationPlan>();

export function plan(id: ClientOperationId): OperationPlan {
  let p = plans.get(id);
  if (p) return p;
  const facts: OperationFacts = operations[id];
  p = {
    facts,
    method: facts.method.toLowerCase(),
    headers: Object.freeze({ Accept: facts.mediaType }),
    bodyHeaders: Object.freeze({ Accept: facts.mediaType, 'Content-Type': facts.mediaType }),
    pathParams: facts.parameters.filter((param) => param.in === 'path').map((param) => param.name),
    queryParams: facts.parameters.filter((param) => param.in === 'query').map((param) => param.name),
    bodyRequired: facts.requestBody?.required === true,
  };
  plans.set(id, p);
  return p;
}

type Redact = (text: string) => string;

/** A body issue (JSON pointer + message) → the field it is about. */
function bodyIssue(issue: SchemaIssue): ValidationIssue {
  const field = issue.path === '' ? undefined : issue.path.slice(1).split('/').join('.');
  if (issue.keyword === 'required') {
    const missing = String(issue.params.missingProperty);
    return { field: field ? `${field}.${missing}` : missing, location: 'body', message: 'is required' };
  }
  return { field: field ?? 'body', location: 'body', message: issue.message };
}

/** Checks path parameters and body against the spec; throws AtlasValidationError naming each bad field. */
export function validateInput(
  id: ClientOperationId,
  path: unknown,
  body: unknown,
  redact: Redact = (t) => t,
  query: Record<string, unknown> = {},
): void {
  const p = plan(id);
  const issues: ValidationIssue[] = [];
  const params = (path && typeof path === 'object' ? path : {}) as Record<string, unknown>;
  if (!path || typeof path !== 'object') {
    issues.push({ field: 'path', location: 'path', message: `must be an object with ${p.pathParams.join(', ')}` });
  }
  const values: Record<string, unknown> = {};
  for (const name of p.pathParams) {
    const value = params[name];
    if (value !== undefined && value !== null && value !== '') values[name] = value;
  }
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (p.queryParams.includes(name)) values[name] = value;
    else issues.push({ field: name, location: 'query', message: `is not a query parameter of ${id}` });
  }
  const checked = validateParams(id, values);
  // In path order, so that issues read left to right like the URL.
  for (const name of p.pathParams) {
    if (!(name in values)) {
      issues.push({ field: name, location: 'path', message: 'is required' });
      continue;
    }
    for (const issue of checked.ok ? [] : checked.issues) {
      if (issue.path !== `/${name}`) continue;
      issues.push({
        field: name,
        location: 'path',
        message: `${issue.message} (got ${preview(values[name], redact)})`,
      });
    }
  }
  for (const issue of checked.ok ? [] : checked.issues) {
    const name = issue.path.slice(1);
    if (!p.queryParams.includes(name)) continue;
    issues.push({ field: name, location: 'query', message: `${issue.message} (got ${preview(values[name], redact)})` });
  }
  if (p.facts.requestBody) {
    if (body === undefined || body === null) {
      if (p.bodyRequired) issues.push({ field: 'body', location: 'body', message: 'is required' });
    } else {
      for (const e of validateBody(id, body)) {
        const issue = bodyIssue(e);
        const value = issue.field === 'body' ? body : (body as Record<string, unknown>)[issue.field];
        if (issue.message !== 'is required' && value !== undefined) issue.message += ` (got ${preview(value, redact)})`;
        issues.push(issue);
      }
    }
  }
  // A secret pasted into the wrong field must not come back in the message.
  if (issues.length > 0)
    throw new AtlasValidationError(
      id,
      issues.map((i) => ({ ...i, message: redact(i.message) })),
    );
}
