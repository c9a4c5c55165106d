import type { AuthContext, AuthMiddleware } from './types.ts';

/** A token given directly: nothing to refresh, a 401 is reported as it is. */
export function bearerMiddleware(token: string, ctx: AuthContext): AuthMiddleware {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('createAtlasClient: auth.token must be a non-empty string');
  }
  ctx.redactor.add(token);
  const header = `Bearer ${token}`;
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', header);
      return request;
    },
    onResponse() {
      return undefined;
    },
    onError() {
      return undefined;
    },
  };
}

export function noAuthMiddleware(): AuthMiddleware {
  return { onRequest: () => undefined, onResponse: () => undefined, onError: () => undefined };
}
