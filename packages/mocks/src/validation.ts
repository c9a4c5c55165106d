// Request validation against the spec with ajv: the path/query parameters and the JSON body of
// each operation. The schemas are the spec's own; the only transformation is the request view of
// a schema (OpenAPI 3.0: readOnly properties are not part of a request, so they are dropped
// before validating — a client may send them, the server ignores them).
// Our own ajv instance rather than createSpecValidator().validateSchema: the 400 answer has to
// name each field (badRequestDetail.fields), which needs ajv's structured errors, not strings.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldViolation } from './api-error.ts';
import { type AtlasOperationId, deref, type OperationSpec, operationSpecs } from './spec.ts';

// ajv-formats ships CommonJS; under NodeNext its default export sits on `.default`.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

type Node = Record<string, any>;

export type { FieldViolation };

/** The schema as a request sees it: $refs inlined, readOnly properties dropped (and so never required). */
export function requestView(schema: Node, depth = 0): Node {
  if (depth > 32) throw new Error('requestView: schema nested too deeply (a $ref cycle?)');
  const s = deref<Node>(schema);
  const out: Node = { ...s };
  if (s.properties) {
    const properties: Node = {};
    for (const [name, prop] of Object.entries<Node>(s.properties)) {
      if (deref<Node>(prop).readOnly === true) continue;
      properties[name] = requestView(prop, depth + 1);
    }
    out.properties = properties;
    if (Array.isArray(s.required)) out.required = s.required.filter((name: string) => name in properties);
  }
  if (s.items) out.items = requestView(s.items, depth + 1);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key])) out[key] = s[key].map((x: Node) => requestView(x, depth + 1));
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    out.additionalProperties = requestView(s.additionalProperties, depth + 1);
  }
  return out;
}

// One ajv for bodies (no coercion: JSON types must be right), one for parameters, which arrive
// as strings and are coerced the way a server binds them (`envelope=true` → true).
const bodyAjv = new Ajv({ strict: false, allErrors: true });
const paramAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
addFormats(bodyAjv);
addFormats(paramAjv);

interface CompiledOperation {
  params: ValidateFunction;
  body?: ValidateFunction;
  /** Properties the request body schema declares (others are ignored, as Atlas ignores them). */
  bodyFields: ReadonlySet<string>;
}

const compiled = new Map<AtlasOperationId, CompiledOperation>();

// envelope and pretty are honoured on every operation (the Atlas server reads them everywhere;
// the SDK transform dropped them from some fragments), with the spec's own schema for them.
function queryFlags(op: OperationSpec): Node {
  const fromSpec = (name: string) =>
    op.parameters.find((p) => p.name === name)?.schema ??
    deref<Node>({ $ref: `#/components/parameters/${name}` }).schema ?? { type: 'boolean' };
  return { envelope: fromSpec('envelope'), pretty: fromSpec('pretty') };
}

function compile(operationId: AtlasOperationId): CompiledOperation {
  let found = compiled.get(operationId);
  if (found) return found;
  const op = operationSpecs[operationId];
  const properties: Node = queryFlags(op);
  const required: string[] = [];
  for (const p of op.parameters) {
    properties[p.name] = requestView(p.schema);
    if (p.required) required.push(p.name);
  }
  // A parameter's `default` must not be injected by ajv: absent flags stay absent.
  const strip = (s: Node): Node => {
    const { default: _d, ...rest } = s;
    return rest;
  };
  for (const k of Object.keys(properties)) properties[k] = strip(properties[k]);
  const bodyView = op.requestBody ? requestView(op.requestBody.schema) : undefined;
  found = {
    params: paramAjv.compile({ type: 'object', properties, required }),
    ...(bodyView ? { body: bodyAjv.compile(bodyView) } : {}),
    bodyFields: new Set(Object.keys(bodyView?.properties ?? {})),
  };
  compiled.set(operationId, found);
  return found;
}

/** `/links/0/href` → `links[0].href` (the form Atlas's FieldViolation.field uses for body paths). */
function fieldPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  }
  return out;
}

function violations(errors: ErrorObject[] | null | undefined, rootName: string): FieldViolation[] {
  const seen = new Map<string, FieldViolation>();
  for (const e of errors ?? []) {
    let pointer = e.instancePath;
    if (e.keyword === 'required') pointer += `/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties')
      pointer += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
    const field = fieldPath(pointer) || rootName;
    const description = e.keyword === 'required' ? `${field} is required` : `${field} ${e.message ?? 'is invalid'}`;
    // One violation per field: the first ajv reports is the most specific.
    if (!seen.has(field)) seen.set(field, { field, description });
  }
  return [...seen.values()];
}

export interface ParamResult {
  violations: FieldViolation[];
  envelope: boolean;
  pretty: boolean;
}

/** Validates path parameters plus the envelope/pretty flags; unknown query parameters are ignored. */
export function validateParams(
  operationId: AtlasOperationId,
  pathParams: Record<string, unknown>,
  query: URLSearchParams,
): ParamResult {
  const { params } = compile(operationId);
  const data: Record<string, unknown> = {};
  for (const k in pathParams) {
    const v = pathParams[k];
    data[k] = Array.isArray(v) ? v.join('/') : v;
  }
  // Most requests have no query at all: no lookups then.
  if (query.size > 0) {
    for (const name of ['envelope', 'pretty']) {
      const value = query.get(name);
      if (value !== null) data[name] = value;
    }
  }
  // ajv coerces each flag in place whatever else fails: a valid `envelope=true` wraps the 400 of
  // an invalid path parameter too, as it wraps every other answer.
  const valid = params(data);
  return {
    violations: valid ? [] : violations(params.errors, 'path'),
    envelope: data.envelope === true,
    pretty: data.pretty === true,
  };
}

/** Validates a parsed JSON body against the request view of the operation's body schema. */
export function validateBody(operationId: AtlasOperationId, body: unknown): FieldViolation[] {
  const { body: validate } = compile(operationId);
  if (!validate) return [];
  return validate(body) ? [] : violations(validate.errors, 'requestBody');
}

/** The body properties an operation's request declares (e.g. only `snapshotId` for the flex download). */
export function declaredBodyFields(operationId: AtlasOperationId): ReadonlySet<string> {
  return compile(operationId).bodyFields;
}

/** Compiles every operation's validators now (the first request would do it otherwise). */
export function warmUp(): void {
  for (const id of Object.keys(operationSpecs) as AtlasOperationId[]) compile(id);
}
