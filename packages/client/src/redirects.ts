// Redirects, followed by hand one hop at a time, so that each hop is checked before anything is
// sent to it. fetch's own `redirect: 'follow'` checks nothing: it follows https → http and resends
// a POST body (307/308) in clear, and the caller learns where it went only afterwards. By hand
// because nothing maintained does this for fetch: follow-redirects and got wrap node:http (and the
// client's main entry must stay browser-safe), and fetch has no per-hop hook. The client uses
// `followRedirects` as its fetch; downloadTo (node:http) runs its own loop on `redirectTarget`.
import { discard } from './auth/replay.ts';
import { safeUrl } from './redact.ts';

/** fetch's own limit. */
export const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that describe a body: dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];
/** Credentials: never sent to another origin than the one they were meant for. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

export interface HopRules {
  /**
   * Where plain http may go — anywhere, to a loopback address only, or nowhere. Whatever this
   * says, a request that was on https never continues on plain http.
   */
  plainHttp: 'any' | 'loopback' | 'never';
}

/**
 * 127.0.0.0/8, ::1 and `localhost`. Exact comparisons suffice because the URL parser already wrote
 * the host in its one canonical form (`0x7f.1` → `127.0.0.1`, `[0:0::1]` → `[::1]`); an
 * IPv4-mapped `[::ffff:7f00:1]` does not count (refused rather than guessed at).
 */
export function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why `to` may not be requested (after `from`, for a redirect); undefined when it may. */
export function refuseHop(from: URL | undefined, to: URL, rules: HopRules): string | undefined {
  if (to.protocol !== 'https:' && to.protocol !== 'http:') {
    return `only http(s) URLs can be requested, got ${to.protocol}`;
  }
  if (to.username || to.password) return 'it carries credentials (user:password@), which are never sent';
  if (to.protocol === 'https:') return undefined;
  if (from?.protocol === 'https:') return 'it leaves https for plain http';
  if (rules.plainHttp === 'never') {
    return 'plain http is refused (https only; allowLoopbackHttp allows http to a loopback address)';
  }
  if (rules.plainHttp === 'loopback' && !isLoopback(to)) return 'plain http is only allowed to a loopback address';
  return undefined;
}

/** Whether an answer is a redirect to follow (as fetch decides: one of five statuses, with a Location). */
export function isRedirect(status: number, location: string | null | undefined): location is string {
  return REDIRECT_STATUSES.has(status) && typeof location === 'string' && location !== '';
}

/**
 * The checked URL of the next hop after `redirects` redirects already followed; throws a
 * TypeError saying why not. Messages show URLs without userinfo and query (`safeUrl`).
 */
export function redirectTarget(from: URL, location: string, redirects: number, rules: HopRules): URL {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new TypeError(`a redirect from ${safeUrl(from)} to an unusable Location was refused`);
  }
  if (redirects >= MAX_REDIRECTS)
    throw new TypeError(`more than ${MAX_REDIRECTS} redirects, the last to ${safeUrl(to)}`);
  const refusal = refuseHop(from, to, rules);
  if (refusal) throw new TypeError(`a redirect from ${safeUrl(from)} to ${safeUrl(to)} was refused: ${refusal}`);
  return to;
}

interface Hop {
  url: string;
  init: RequestInit;
}

/**
 * `fetchImpl` with redirects followed under `rules`. A failed hop rejects with a TypeError, as
 * fetch does for its own network errors. `redirect: 'manual'` and `'error'` go through untouched:
 * the caller then decides. Where the runtime hides redirects (a browser answers
 * `redirect: 'manual'` with an opaque response), a redirect is refused, never followed blind.
 */
export function followRedirects(fetchImpl: typeof fetch, rules: HopRules): typeof fetch {
  async function send(hop: Hop, redirects: number): Promise<Response> {
    const response = await fetchImpl(hop.url, { ...hop.init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
      throw new TypeError(`${safeUrl(hop.url)} answered with a redirect this runtime does not show; not followed`);
    }
    const location = response.headers.get('location');
    if (!isRedirect(response.status, location)) return response;
    await discard(response);
    const from = new URL(hop.url);
    const to = redirectTarget(from, location, redirects, rules);
    return send(nextHop(hop, from, to, response.status), redirects + 1);
  }
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    if ((init?.redirect ?? request?.redirect ?? 'follow') !== 'follow') return fetchImpl(input, init);
    if (request) return fromRequest(init ? new Request(request, init) : request).then((hop) => send(hop, 0));
    return send({ url: input instanceof URL ? input.href : String(input), init: init ?? {} }, 0);
  }) as typeof fetch;
}

/** What fetch does to the request on a redirect (Fetch standard, "HTTP-redirect fetch"). */
function nextHop(hop: Hop, from: URL, to: URL, status: number): Hop {
  const method = (hop.init.method ?? 'GET').toUpperCase();
  const headers = new Headers(hop.init.headers);
  let { body } = hop.init;
  let nextMethod = method;
  if (
    (status === 303 && method !== 'GET' && method !== 'HEAD') ||
    ((status === 301 || status === 302) && method === 'POST')
  ) {
    nextMethod = 'GET';
    body = undefined;
    for (const name of BODY_HEADERS) headers.delete(name);
  } else if (body instanceof ReadableStream) {
    throw new TypeError(`a ${status} redirect from ${safeUrl(from)} would need the streamed body again; not followed`);
  }
  if (to.origin !== from.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  return { url: to.href, init: { ...hop.init, method: nextMethod, headers, body } };
}

/** A Request as URL + init, its body read once so that a 307/308 can send it again. */
async function fromRequest(request: Request): Promise<Hop> {
  return {
    url: request.url,
    init: {
      method: request.method,
      headers: request.headers,
      body: request.body === null ? null : await request.arrayBuffer(),
      signal: request.signal,
      cache: request.cache,
      credentials: request.credentials,
      integrity: request.integrity,
      keepalive: request.keepalive,
      mode: request.mode === 'navigate' ? 'same-origin' : request.mode,
      referrerPolicy: request.referrerPolicy,
    },
  };
}
