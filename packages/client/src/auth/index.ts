import { bearerMiddleware, noAuthMiddleware } from './bearer.ts';
import { checkDigestKeys } from './digest-keys.ts';
import { lazyMiddleware } from './lazy-middleware.ts';
import { serviceAccountMiddleware } from './service-account.ts';
import type { AtlasAuth, AuthContext, AuthMiddleware } from './types.ts';

export type { AtlasAuth, AuthMiddleware } from './types.ts';

const EXPECTED = "expected 'serviceAccount', 'bearer', 'digest' or 'none'";

export function createAuthMiddleware(auth: AtlasAuth, ctx: AuthContext): AuthMiddleware {
  if (auth === undefined || auth === null) {
    throw new TypeError(
      "createAtlasClient: options.auth is required, e.g. { type: 'serviceAccount', clientId, clientSecret }",
    );
  }
  if (typeof auth !== 'object' || Array.isArray(auth)) {
    throw new TypeError(
      `createAtlasClient: options.auth must be an object such as { type: 'serviceAccount', clientId, clientSecret }, got ${Array.isArray(auth) ? 'an array' : typeof auth}`,
    );
  }
  if ((auth as { type?: unknown }).type === undefined) {
    throw new TypeError(`createAtlasClient: auth.type is required; ${EXPECTED}`);
  }
  switch (auth.type) {
    case 'serviceAccount':
      return serviceAccountMiddleware(auth, ctx);
    case 'bearer':
      return bearerMiddleware(auth.token, ctx);
    case 'digest': {
      // Only a Digest client loads the Digest code and its hashes.
      const keys = checkDigestKeys(auth, ctx);
      return lazyMiddleware(() => import('./digest.ts').then((m) => m.digestMiddleware(keys, ctx)));
    }
    case 'none':
      return noAuthMiddleware();
    default:
      throw new TypeError(
        `createAtlasClient: unknown auth.type ${JSON.stringify((auth as { type?: unknown }).type)}; ${EXPECTED}`,
      );
  }
}
