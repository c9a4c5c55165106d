// 401: missing or malformed credentials (or unknown ones, with the auth option). Atlas answers a
// failed authentication with its generic UNAUTHORIZED on every resource, whatever the endpoint's
// own 401 codes (those are for a scenario that selects 401). RFC 9110 §15.5.2: a 401 carries a
// challenge; Digest clients need its nonce.
import { apiError, genericErrorCode, genericErrorDetail } from '../api-error.ts';
import { type AuthResult, checkAuthorization, digestChallenge } from '../auth.ts';
import type { AnswerContext, Reply } from './context.ts';

export function challengeHeaders(ctx: AnswerContext): Record<string, string> {
  return { 'WWW-Authenticate': digestChallenge(ctx.mock.nextNonce()) };
}

function refusal(ctx: AnswerContext, auth: AuthResult): Reply | undefined {
  if (auth.ok) return undefined;
  const detail = `${genericErrorDetail(401)} (atlas-kit mock: ${auth.problem})`;
  return apiError(ctx.operation.operationId, 401, genericErrorCode(401), detail, { headers: challengeHeaders(ctx) });
}

// A promise only when a digest is verified against auth.apiKeys (auth.ts loads the hashes then).
export function authorization(ctx: AnswerContext): Reply | undefined | Promise<Reply | undefined> {
  const auth = checkAuthorization(ctx.request.headers.get('authorization'), ctx, ctx.mock.auth);
  return auth instanceof Promise ? auth.then((result) => refusal(ctx, result)) : refusal(ctx, auth);
}
