// 415: a request body sent with a media type the operation does not read. Atlas picks the
// resource version from Accept; a JSON body is read under the operation's versioned type and
// under `application/json`, as the spec's own code samples send it (documented-facts.ts). HTTP's
// answer to any other type is 415 Unsupported Media Type (RFC 9110 §15.5.16): it names the
// header, not a body field. A request without a body passes (validation says it is required).
import { apiError, genericErrorCode } from '../api-error.ts';
import { plainJsonMediaType } from '../documented-facts.ts';
import { takesContentType } from '../negotiation.ts';
import type { AnswerContext, Reply } from './context.ts';

export function contentType(ctx: AnswerContext): Reply | undefined {
  const { requestBody, operationId } = ctx.operation;
  if (!requestBody || ctx.request.body === null) return undefined;
  const header = ctx.request.headers.get('content-type');
  if (takesContentType(header, requestBody.mediaTypes)) return undefined;
  const types = [...requestBody.mediaTypes, plainJsonMediaType].join(' or ');
  const detail = `The request body must be sent as ${types}; Content-Type was ${header === null ? 'missing' : JSON.stringify(header.slice(0, 100))}.`;
  return apiError(operationId, 415, genericErrorCode(415), detail);
}
