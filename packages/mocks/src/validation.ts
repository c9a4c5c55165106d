// Request validation with the validators `pnpm generate` compiled from the spec (@atlas-kit/openapi):
// the path and query parameters and the JSON body of each operation. A 400 names each field
// (badRequestDetail.fields), in the form Atlas's FieldViolation.field uses.
import { validateBody as checkBody, validateParams as checkParams, type SchemaIssue } from '@atlas-kit/openapi';
import type { FieldViolation } from './api-error.ts';
import { type AtlasOperationId, operationSpecs } from './spec.ts';

export type { FieldViolation };

/** `/links/0/href` → `links[0].href` (the form Atlas's FieldViolation.field uses for body paths). */
function fieldPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  }
  return out;
}

function violations(issues: readonly SchemaIssue[], rootName: string): FieldViolation[] {
  const seen = new Map<string, FieldViolation>();
  for (const e of issues) {
    let pointer = e.path;
    if (e.keyword === 'required') pointer += `/${String(e.params.missingProperty)}`;
    if (e.keyword === 'additionalProperties') pointer += `/${String(e.params.additionalProperty)}`;
    const field = fieldPath(pointer) || rootName;
    const description = e.keyword === 'required' ? `${field} is required` : `${field} ${e.message}`;
    // One violation per field: the first reported is the most specific.
    if (!seen.has(field)) seen.set(field, { field, description });
  }
  return [...seen.values()];
}

export interface ParamResult {
  violations: FieldViolation[];
  envelope: boolean;
  pretty: boolean;
  /** The parameters, query strings coerced to their types (`itemsPerPage=5` → 5). */
  values: Readonly<Record<string, unknown>>;
}

/** Validates path parameters and the declared query parameters; unknown query parameters are ignored. */
export function validateParams(
  operationId: AtlasOperationId,
  pathParams: Record<string, unknown>,
  query: URLSearchParams,
): ParamResult {
  const data: Record<string, unknown> = {};
  for (const k in pathParams) {
    const v = pathParams[k];
    data[k] = Array.isArray(v) ? v.join('/') : v;
  }
  // Most requests have no query at all: no lookups then.
  if (query.size > 0) {
    for (const p of operationSpecs[operationId].parameters) {
      if (p.in !== 'query') continue;
      const value = query.get(p.name);
      if (value !== null) data[p.name] = value;
    }
  }
  const result = checkParams(operationId, data);
  // The flags are coerced whatever else fails: a valid `envelope=true` wraps the 400 of an invalid
  // path parameter too, as it wraps every other answer.
  return {
    violations: result.ok ? [] : violations(result.issues, 'path'),
    envelope: result.values.envelope === true,
    pretty: result.values.pretty === true,
    values: result.values,
  };
}

/** Validates a parsed JSON body against the request view of the operation's body schema. */
export function validateBody(operationId: AtlasOperationId, body: unknown): FieldViolation[] {
  if (!operationSpecs[operationId].requestBody) return [];
  return violations(checkBody(operationId, body), 'requestBody');
}

const bodyFieldsOf = Object.fromEntries(
  Object.entries(operationSpecs).map(([id, spec]) => [id, new Set(spec.facts.requestBody?.properties ?? [])]),
) as Record<string, ReadonlySet<string>>;

/** The body properties an operation's request declares (e.g. only `snapshotId` for the flex download). */
export function declaredBodyFields(operationId: AtlasOperationId): ReadonlySet<string> {
  return bodyFieldsOf[operationId] as ReadonlySet<string>;
}
