// An auth middleware whose code is loaded with import() (see lazy.ts): loading starts when the
// client is made, and a request that comes before it is done waits for it. A load that fails makes
// that request fail (it cannot be authenticated without it) and is tried again by the next one.
import { lazy } from '../lazy.ts';
import type { AuthMiddleware } from './types.ts';

export function lazyMiddleware(load: () => Promise<AuthMiddleware>): AuthMiddleware {
  const middleware = lazy(load);
  middleware.load().catch(() => {
    // Reported by the first request that needs the middleware.
  });
  return {
    onRequest(p) {
      const m = middleware.value;
      return m ? m.onRequest(p) : middleware.load().then((l) => l.onRequest(p));
    },
    onResponse(p) {
      const m = middleware.value;
      return m ? m.onResponse(p) : middleware.load().then((l) => l.onResponse(p));
    },
    onError(p) {
      const m = middleware.value;
      return m ? m.onError(p) : middleware.load().then((l) => l.onError(p));
    },
  };
}
