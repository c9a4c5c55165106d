// Requests under the API prefix that no operation's handler matched: a path one of the operations
// has, asked with another method, is HTTP's 405 with `Allow` (RFC 9110 §15.5.6); any other path is
// Atlas's 404 RESOURCE_NOT_FOUND. Routing comes before authentication, as in Atlas (an unknown
// path is 404 with or without credentials).
import { matchRequestUrl } from 'msw';
import { apiError, genericErrorCode, type Reply } from './api-error.ts';
import { atlasOperationIds, operationSpecs } from './spec.ts';

export function unmatchedReply(request: Request, url: URL, base: string): Reply {
  const allowed = atlasOperationIds
    .map((id) => operationSpecs[id])
    .filter((op) => matchRequestUrl(url, `${base}${op.pattern}`).matches)
    .map((op) => op.method);
  if (allowed.length > 0) {
    const allow = [...new Set(allowed)].join(', ');
    const detail = `${request.method} is not allowed on ${url.pathname}; allowed: ${allow}.`;
    return apiError(undefined, 405, genericErrorCode(405), detail, {
      parameters: [request.method],
      headers: { Allow: allow },
    });
  }
  const detail = `No resource answers ${request.method} ${url.pathname}.`;
  return apiError(undefined, 404, genericErrorCode(404), detail);
}
