import { bearerMiddleware, noAuthMiddleware } from './bearer.ts';
import { digestMiddleware } from './digest.ts';
import { serviceAccountMiddleware } from './service-account.ts';
import type { AtlasAuth, AuthContext, AuthMiddleware } from './types.ts';

export type { AtlasAuth, AuthMiddleware } from './types.ts';

export function createAuthMiddleware(auth: AtlasAuth, ctx: AuthContext): AuthMiddleware {
  if (!auth || typeof auth !== 'object') {
    throw new TypeError(
      "createAtlasClient: options.auth is required, e.g. { type: 'serviceAccount', clientId, clientSecret }",
    );
  }
  switch (auth.type) {
    case 'serviceAccount':
      return serviceAccountMiddleware(auth, ctx);
    case 'bearer':
      return bearerMiddleware(auth.token, ctx);
    case 'digest':
      return digestMiddleware(auth, ctx);
    case 'none':
      return noAuthMiddleware();
    default:
      throw new TypeError(
        `createAtlasClient: unknown auth.type ${JSON.stringify((auth as { type?: unknown }).type)}; expected 'serviceAccount', 'bearer', 'digest' or 'none'`,
      );
  }
}
