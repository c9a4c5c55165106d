import { requireCredential } from './credential.ts';
import type { AuthContext, AuthMiddleware } from './types.ts';

/** A token given directly: nothing to refresh, a 401 is reported as it is. */
export function bearerMiddleware(token: string, ctx: AuthContext): AuthMiddleware {
  requireCredential(token, 'token', 'name');
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
