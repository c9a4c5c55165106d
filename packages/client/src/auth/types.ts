import type { MiddlewareCallbackParams } from 'openapi-fetch';
import type { Redactor } from '../redact.ts';
import type { CallRegistry } from './replay.ts';

export type AtlasAuth =
  /** Service account: OAuth 2.0 client credentials against `{baseUrl}` + the spec's tokenUrl path. */
  | { type: 'serviceAccount'; clientId: string; clientSecret: string; refreshMarginMs?: number }
  /** An access token obtained elsewhere. */
  | { type: 'bearer'; token: string }
  /** Programmatic API key pair, HTTP Digest (MD5 or SHA-256, qop=auth). */
  | { type: 'digest'; publicKey: string; privateKey: string }
  /** No Authorization header (local mocks). */
  | { type: 'none' };

export interface AuthContext {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  redactor: Redactor;
  debug: (line: string) => void;
  /** Upper bound for one token request (it is shared, so no single caller's signal may cancel it). */
  tokenTimeoutMs: number;
  /** Body and signal of the client's own calls, by openapi-fetch `params` object. */
  calls: CallRegistry;
}

/** The three openapi-fetch middleware hooks, all present (assignable to openapi-fetch's `Middleware`). */
export interface AuthMiddleware {
  onRequest(params: MiddlewareCallbackParams): Request | undefined | Promise<Request | undefined>;
  onResponse(
    params: MiddlewareCallbackParams & { response: Response },
  ): Response | undefined | Promise<Response | undefined>;
  onError(params: MiddlewareCallbackParams & { error: unknown }): Error | undefined | Promise<Error | undefined>;
}
