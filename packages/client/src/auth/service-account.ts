// Service-account auth: OAuth 2.0 client credentials (RFC 6749 §4.4) against Atlas's token
// endpoint. One token is cached until shortly before `expires_in`, all concurrent calls wait on
// the same token request, and a 401 on a request sent with the cached token causes exactly one
// refresh and one resend.
import { atlas } from '@atlas-kit/openapi';
import type { MiddlewareCallbackParams } from 'openapi-fetch';
import { AtlasAuthError, AtlasTimeoutError } from '../errors.ts';
import { preview } from '../redact.ts';
import { requireCredential } from './credential.ts';
import { createReplayStore, discard, signalOf } from './replay.ts';
import type { AuthContext, AuthMiddleware } from './types.ts';

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is no longer used. */
  refreshAt: number;
}

// RFC 6749 §2.3.1: client id and secret are form-urlencoded before the Basic encoding.
const formEncode = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const BEARER = 'Bearer ';

/** The documented token lifetime, used when the token endpoint omits `expires_in` (never for 0). */
const DEFAULT_EXPIRES_IN_S = 3600;

export interface ServiceAccountOptions {
  clientId: string;
  clientSecret: string;
  /** Refresh this long before expiry. Default 60 s (at most half the lifetime). */
  refreshMarginMs?: number;
}

export function serviceAccountMiddleware(options: ServiceAccountOptions, ctx: AuthContext): AuthMiddleware {
  const clientId = requireCredential(options.clientId, 'clientId', 'name');
  const clientSecret = requireCredential(options.clientSecret, 'clientSecret', 'secret');
  const margin = options.refreshMarginMs ?? 60_000;
  const basic = `Basic ${base64(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`;
  ctx.redactor.add(clientSecret);
  ctx.redactor.add(formEncode(clientSecret));
  ctx.redactor.add(basic.slice('Basic '.length));
  // The spec's tokenUrl (securitySchemes.ServiceAccounts), taken relative to its server and put
  // after the client's baseUrl like every operation path, so mocks and proxies get it too.
  const tokenUrl = `${ctx.baseUrl}${atlas.oauth.tokenPath}`;

  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;
  const replays = createReplayStore(ctx.calls);

  async function requestToken(): Promise<CachedToken> {
    ctx.debug(`token → POST ${tokenUrl}`);
    let response: Response;
    try {
      response = await ctx.fetch(tokenUrl, {
        method: 'POST',
        headers: {
          Authorization: basic,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(ctx.tokenTimeoutMs),
      });
    } catch (error) {
      // An outage is not a credentials problem: a token request that times out is TIMEOUT, one that
      // cannot reach Atlas is a fetch failure that the client reports as NETWORK (with this error,
      // and fetch's, as its cause), like the same failure on the API request itself.
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new AtlasTimeoutError(`service-account token request to ${tokenUrl}`, ctx.tokenTimeoutMs);
      }
      throw new TypeError(
        `service-account token request to ${tokenUrl} failed: ${ctx.redactor.redact(describe(error))}`,
        { cause: error },
      );
    }
    const text = await response.text().catch(() => '');
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    ctx.debug(`token ← ${response.status}`);
    if (!response.ok) {
      const oauthError = typeof body?.error === 'string' ? ctx.redactor.redact(body.error) : undefined;
      const description =
        typeof body?.error_description === 'string' ? ctx.redactor.redact(body.error_description) : undefined;
      throw new AtlasAuthError(
        `service-account token request was refused: HTTP ${response.status}${oauthError ? ` ${oauthError}` : ''}${description ? ` — ${description}` : ''}`,
        { status: response.status, ...(oauthError ? { oauthError } : {}) },
      );
    }
    if (typeof body?.access_token !== 'string' || body.access_token === '') {
      throw new AtlasAuthError(
        `service-account token endpoint answered HTTP ${response.status} without an access_token${body === undefined ? ' (body is not JSON)' : ''}`,
        { status: response.status },
      );
    }
    if (typeof body.token_type === 'string' && body.token_type.toLowerCase() !== 'bearer') {
      throw new AtlasAuthError(
        `service-account token endpoint issued a "${body.token_type}" token; only bearer tokens are supported`,
        {
          status: response.status,
        },
      );
    }
    const value: string = body.access_token;
    ctx.redactor.add(value);
    const expiresIn = lifetimeSeconds(body.expires_in);
    if (expiresIn === undefined) {
      throw new AtlasAuthError(
        `service-account token endpoint answered an invalid expires_in (${preview(body.expires_in, ctx.redactor.redact, 40)}); expected a number of seconds ≥ 0`,
        { status: response.status },
      );
    }
    // 0 means already expired: the token serves the calls that waited for it and is not cached.
    const lifetimeMs = expiresIn * 1000;
    return { value, refreshAt: Date.now() + lifetimeMs - Math.min(margin, lifetimeMs / 2) };
  }

  function sign(request: Request, params: object, value: string): Request {
    request.headers.set('Authorization', `${BEARER}${value}`);
    replays.keep(request, params);
    return request;
  }

  /** The cached token (synchronously, the common case) or a promise of a fresh one. */
  function token(signal: AbortSignal | null): string | Promise<string> {
    if (cached && Date.now() < cached.refreshAt) return cached.value;
    return fresh(signal);
  }

  async function fresh(signal: AbortSignal | null): Promise<string> {
    if (!inflight) {
      inflight = requestToken().then(
        (t) => {
          cached = t;
          inflight = undefined;
          return t;
        },
        (error) => {
          inflight = undefined;
          throw error;
        },
      );
    }
    return (await raceAbort(inflight, signal)).value;
  }

  return {
    onRequest({ request, params }) {
      // The common case, synchronously: a cached token, no closure, no signal lookup.
      if (cached && Date.now() < cached.refreshAt) return sign(request, params, cached.value);
      return fresh(signalOf(ctx.calls, params, request)).then((value) => sign(request, params, value));
    },
    onResponse(p) {
      // Every answer passes here: only a 401 takes the asynchronous way.
      return p.response.status === 401 ? refreshAndResend(p) : undefined;
    },
    onError({ request }) {
      replays.drop(request);
      return undefined;
    },
  };

  async function refreshAndResend({
    request,
    response,
    options,
    params,
  }: MiddlewareCallbackParams & { response: Response }): Promise<Response | undefined> {
    const copy = replays.take(request, params);
    if (!copy) return undefined;
    // The token this request carried is in its own Authorization header.
    const used = request.headers.get('Authorization')?.slice(BEARER.length);
    // Only the token this request carried is dropped: a concurrent call may already have
    // replaced it with a fresh one, which is then simply reused.
    if (cached && cached.value === used) cached = undefined;
    ctx.debug(`401 with a cached token: refreshing the token once and resending`);
    const renewed = await token(signalOf(ctx.calls, params, request));
    await discard(response);
    copy.headers.set('Authorization', `${BEARER}${renewed}`);
    return options.fetch(copy);
  }
}

/**
 * `expires_in` in seconds (RFC 6749 §5.1): absent → the documented default; a number ≥ 0 (or its
 * digits as a string, as some servers send it) → that; anything else → undefined.
 */
function lifetimeSeconds(value: unknown): number | undefined {
  if (value === undefined || value === null) return DEFAULT_EXPIRES_IN_S;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code =
      cause && typeof cause === 'object' && 'code' in cause ? ` (${String((cause as { code: unknown }).code)})` : '';
    return `${error.message}${code}`;
  }
  return String(error);
}

/** Waits for a shared promise, but lets this caller leave early when its own signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | null): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export { describe as describeFetchError };
