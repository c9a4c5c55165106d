// 401: missing or malformed credentials (or unknown ones, with the auth option). Atlas answers a
// failed authentication with its generic UNAUTHORIZED on every resource, whatever the endpoint's
// own 401 codes (those are for a scenario that selects 401). RFC 9110 §15.5.2: a 401 carries a
// challenge; Digest clients need its nonce.
import { apiError, genericErrorCode, genericErrorDetail } from '../api-error.ts';
import { checkAuthorization, digestChallenge } from '../auth.ts';
import type { AnswerContext, Reply } from './context.ts';

export function challengeHeaders(ctx: AnswerContext): Record<string, string> {
  return { 'WWW-Authenticate': digestChallenge(ctx.mock.nextNonce()) };
}

export function authorization(ctx: AnswerContext): Reply | undefined {
  const { request, mock, operation } = ctx;
  const auth = checkAuthorization(request.headers.get('authorization'), ctx, mock.auth);
  if (auth.ok) return undefined;
  const detail = `${genericErrorDetail(401)} (atlas-kit mock: ${auth.problem})`;
  return apiError(operation.operationId, 401, genericErrorCode(401), detail, { headers: challengeHeaders(ctx) });
}
