// Checks a whole answer (documented status, media type, headers, body) against the spec with the
// validators `pnpm generate` compiled: what tests, the contracts and the mocks' property test judge
// answers by. Its own entry (`@atlas-kit/openapi/responses`) so that clients never load it.
import { operations } from './generated/operations.ts';
import * as validators from './generated/response-validators.ts';
import { type CompiledValidator, issuesOf, type SchemaIssue } from './schema-issues.ts';
import type { OperationId } from './validate.ts';

export interface ResponseCheck {
  operationId: OperationId;
  status: number;
  headers: Headers | Record<string, string>;
  body: unknown;
}

/** Errors of the body alone against the documented schema of `status`; [] when valid. */
export function validateResponseBody(operationId: OperationId, status: number, body: unknown): SchemaIssue[] {
  const validate = (validators as Record<string, CompiledValidator>)[`${operationId}_${status}`];
  if (!validate) throw new TypeError(`${operationId} documents no ${status} answer with a body`);
  return validate(body) ? [] : issuesOf(validate);
}

/** Every way the answer departs from the spec, one sentence each; [] when it conforms. */
export function validateResponse({ operationId, status, headers, body }: ResponseCheck): string[] {
  const op = operations[operationId];
  if (!op) throw new TypeError(`validateResponse: unknown operationId ${JSON.stringify(operationId)}`);
  const documented = (op.responses as Record<string, (typeof op.responses)[keyof typeof op.responses]>)[String(status)];
  if (!documented) return [`status ${status} is not documented for ${operationId}`];
  const get = (name: string) =>
    headers instanceof Headers
      ? headers.get(name)
      : (Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? null);
  const errors: string[] = [];
  for (const name of documented.headers) {
    if (get(name) === null) errors.push(`header ${name} is missing`);
  }
  if (!documented.mediaType) return errors;
  const contentType = (get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (contentType !== documented.mediaType) {
    return [...errors, `content-type "${contentType}" is not ${documented.mediaType}`];
  }
  for (const issue of validateResponseBody(operationId, status, body)) {
    errors.push(`body${issue.path === '' ? '' : ` ${issue.path}`} ${issue.message}`);
  }
  return errors;
}
