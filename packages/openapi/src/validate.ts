// Request validation with the validators `pnpm generate` compiled from the spec (ajv standalone
// code): no schema is compiled and no document is read when this module loads.
import * as bodies from './generated/body-validators.ts';
import type { operations } from './generated/operations.ts';
import * as params from './generated/params-validators.ts';
import { type CompiledValidator, issuesOf, type SchemaIssue } from './schema-issues.ts';

export type { SchemaIssue };

export type OperationId = keyof typeof operations;

export type ParamsResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; values: Record<string, unknown>; issues: SchemaIssue[] };

/**
 * Checks the path and query parameters of a request. Strings are coerced the way a server binds
 * them (`'true'` → true, `'5'` → 5) in the returned copy; the input is never changed. Parameters
 * the operation does not declare are ignored, as Atlas ignores them.
 */
export function validateParams(operationId: OperationId, values: Readonly<Record<string, unknown>>): ParamsResult {
  const validate = (params as Record<string, CompiledValidator>)[operationId];
  if (!validate) throw new TypeError(`validateParams: unknown operationId ${JSON.stringify(operationId)}`);
  const copy = { ...values };
  return validate(copy) ? { ok: true, values: copy } : { ok: false, values: copy, issues: issuesOf(validate) };
}

/** Checks a request body (readOnly properties are the server's and may be sent, never required); [] when valid. */
export function validateBody(operationId: OperationId, body: unknown): SchemaIssue[] {
  const validate = (bodies as Record<string, CompiledValidator>)[operationId];
  if (!validate) throw new TypeError(`validateBody: ${JSON.stringify(operationId)} takes no request body`);
  return validate(body) ? [] : issuesOf(validate);
}
