// What the client knows about each operation comes from the spec: method, path template, media
// type and sunset from `operation(id)`, the parameter and body schemas from the document through
// the spec validator. Nothing here retypes a path, a version or a pattern.
import { createSpecValidator, type OperationFacts, operation, type SpecValidator } from '@atlas-kit/openapi';
import type { components, operations } from '@atlas-kit/openapi/types';
import { AtlasValidationError, type ValidationIssue } from './errors.ts';
import { preview } from './redact.ts';

export const clientOperationIds = [
  'downloadClusterBackupTenant',
  'getBackupTenantRestore',
  'downloadFlexBackup',
  'getFlexRestoreJob',
] as const satisfies ReadonlyArray<keyof operations>;
export type ClientOperationId = (typeof clientOperationIds)[number];

type Schemas = components['schemas'];
export type TenantRestore = Schemas['TenantRestore'];
export type FlexBackupRestoreJob = Schemas['FlexBackupRestoreJob20241113'];

type MediaOf<Id extends ClientOperationId> = operations[Id] extends { requestBody: { content: infer C } }
  ? C[keyof C]
  : never;
/** Request body of downloadClusterBackupTenant, as the spec types it (TenantRestore). */
export type TenantDownloadBody = MediaOf<'downloadClusterBackupTenant'>;
/** Request body of downloadFlexBackup (FlexBackupSnapshotDownloadCreate20241113). */
export type FlexDownloadBody = MediaOf<'downloadFlexBackup'>;
/** Path parameters of an operation, as the spec types them. */
export type PathParams<Id extends ClientOperationId> = operations[Id]['parameters']['path'];

interface ParamRule {
  name: string;
  schema: Record<string, unknown>;
}

export interface OperationPlan {
  facts: OperationFacts;
  /** openapi-fetch's name of the method, e.g. `post`. */
  method: string;
  /** Request headers without / with a body: the operation's versioned media type (shared, read-only). */
  headers: Readonly<Record<string, string>>;
  bodyHeaders: Readonly<Record<string, string>>;
  pathParams: ParamRule[];
  bodySchema?: Record<string, unknown>;
  bodyRequired: boolean;
}

let validator: SpecValidator | undefined;
const plans = new Map<ClientOperationId, OperationPlan>();

function spec(): SpecValidator {
  validator ??= createSpecValidator();
  return validator;
}

export function plan(id: ClientOperationId): OperationPlan {
  let p = plans.get(id);
  if (p) return p;
  const facts = operation(id);
  const { operation: op } = spec().findOperation(id);
  const pathParams: ParamRule[] = [];
  for (const raw of op.parameters ?? []) {
    const param = spec().deref<Record<string, any>>(raw);
    if (param.in === 'path') pathParams.push({ name: param.name, schema: param.schema ?? { type: 'string' } });
  }
  // In path order, so that issues read left to right like the URL.
  pathParams.sort((a, b) => facts.path.indexOf(`{${a.name}}`) - facts.path.indexOf(`{${b.name}}`));
  const requestBody = op.requestBody ? spec().deref<Record<string, any>>(op.requestBody) : undefined;
  const bodySchema = requestBody?.content?.[facts.mediaType]?.schema;
  p = {
    facts,
    method: facts.method.toLowerCase(),
    headers: Object.freeze({ Accept: facts.mediaType }),
    bodyHeaders: Object.freeze({ Accept: facts.mediaType, 'Content-Type': facts.mediaType }),
    pathParams,
    bodySchema,
    bodyRequired: requestBody?.required === true,
  };
  plans.set(id, p);
  return p;
}

type Redact = (text: string) => string;

/** ajv's `/a/b must …` / `(root) must have required property 'x'` → the field it is about. */
function bodyIssue(error: string): ValidationIssue {
  const required = /^\(root\) must have required property '([^']+)'$/.exec(error);
  if (required) return { field: required[1] as string, location: 'body', message: 'is required' };
  const at = /^(\S+) (.*)$/.exec(error);
  const path = at?.[1] ?? '(root)';
  const message = at?.[2] ?? error;
  const field = path === '(root)' ? 'body' : path.slice(1).split('/').join('.');
  return { field, location: 'body', message };
}

/** Checks path parameters and body against the spec; throws AtlasValidationError naming each bad field. */
export function validateInput(id: ClientOperationId, path: unknown, body: unknown, redact: Redact = (t) => t): void {
  const p = plan(id);
  const issues: ValidationIssue[] = [];
  const params = (path && typeof path === 'object' ? path : {}) as Record<string, unknown>;
  if (!path || typeof path !== 'object') {
    issues.push({
      field: 'path',
      location: 'path',
      message: `must be an object with ${p.pathParams.map((r) => r.name).join(', ')}`,
    });
  }
  for (const rule of p.pathParams) {
    const value = params[rule.name];
    if (value === undefined || value === null || value === '') {
      issues.push({ field: rule.name, location: 'path', message: 'is required' });
      continue;
    }
    for (const e of spec().validateSchema(rule.schema, value)) {
      issues.push({
        field: rule.name,
        location: 'path',
        message: `${e.replace(/^\(root\) /, '')} (got ${preview(value, redact)})`,
      });
    }
  }
  if (p.bodySchema) {
    if (body === undefined || body === null) {
      if (p.bodyRequired) issues.push({ field: 'body', location: 'body', message: 'is required' });
    } else {
      for (const e of spec().validateSchema(p.bodySchema, body)) {
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
