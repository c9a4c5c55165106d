// Atlas's error answer, `{badRequestDetail?, detail, error, errorCode, parameters, reason}`
// (ApiError), and the codes it carries when nothing endpoint-specific is selected: the endpoint's
// documented code for the status, else Atlas's generic code for the status (documented-facts.ts
// says where each generic code comes from; spec.ts reads the spec's).
import { endpointErrorCodes, genericErrors } from './documented-facts.ts';
import { type AtlasOperationId, errorExample, genericErrorBody, genericErrorCode as specGenericCode } from './spec.ts';

export const errorMediaType = 'application/json';

export interface FieldViolation {
  field: string;
  description: string;
}

/** What a step answers: the mock turns it into a Response (envelope, pretty, rate headers). */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
  mediaType: string;
  headers?: Record<string, string>;
}

interface GenericError {
  errorCode: string;
  detail?: string;
  reason?: string;
}

function genericError(operationId: AtlasOperationId | undefined, status: number): GenericError | undefined {
  const source = genericErrors[status];
  if (!source) return undefined;
  if ('spec' in source) {
    const code = specGenericCode(status) as string;
    // The operation's own example of the code (406 and 410 name the operation's media type), else any.
    const example = (operationId && errorExample(operationId, status, code)) || genericErrorBody(status);
    return { errorCode: example.errorCode, detail: example.detail, reason: example.reason };
  }
  return source;
}

// Resolved once: every status the mock can answer, for each operation (and for no operation).
const cache = new Map<string, GenericError | undefined>();
function generic(operationId: AtlasOperationId | undefined, status: number): GenericError | undefined {
  const key = `${operationId ?? ''}:${status}`;
  if (!cache.has(key)) cache.set(key, genericError(operationId, status));
  return cache.get(key);
}

/** Atlas's generic code for a status (e.g. UNAUTHORIZED for 401, RATE_LIMITED for 429). */
export function genericErrorCode(status: number, operationId?: AtlasOperationId): string {
  const code = generic(operationId, status)?.errorCode;
  if (!code) throw new Error(`no generic error code is known for HTTP ${status}`);
  return code;
}

/** Atlas's generic detail for a status, when a source gives one (e.g. 401, 406, 410). */
export function genericErrorDetail(status: number, operationId?: AtlasOperationId): string | undefined {
  return generic(operationId, status)?.detail;
}

/** The errorCode a selected status answers with when the scenario names none. */
export function defaultErrorCode(operationId: AtlasOperationId, status: number): string {
  const documented = (endpointErrorCodes[operationId] as Record<number, readonly string[] | undefined>)[status]?.[0];
  return documented ?? genericErrorCode(status, operationId);
}

/** The HTTP reason phrase Atlas writes in `reason`. */
function reasonOf(operationId: AtlasOperationId | undefined, status: number): string {
  const reason =
    (operationId && errorExample(operationId, status)?.reason) ||
    generic(operationId, status)?.reason ||
    generic(undefined, status)?.reason;
  if (!reason) throw new Error(`no reason phrase is known for HTTP ${status}`);
  return reason;
}

export interface ErrorExtras {
  fields?: readonly FieldViolation[];
  parameters?: readonly unknown[];
  headers?: Record<string, string>;
}

/** An ApiError reply (keys in Atlas's order). */
export function apiError(
  operationId: AtlasOperationId | undefined,
  status: number,
  errorCode: string,
  detail: string,
  extra: ErrorExtras = {},
): Reply {
  return {
    status,
    mediaType: errorMediaType,
    body: {
      ...(extra.fields ? { badRequestDetail: { fields: extra.fields.map((f) => ({ ...f })) } } : {}),
      detail,
      error: status,
      errorCode,
      parameters: [...(extra.parameters ?? [])],
      reason: reasonOf(operationId, status),
    },
    ...(extra.headers ? { headers: extra.headers } : {}),
  };
}
