// The rules of one redirect hop: where a request may go next (checked before anything is sent to
// it) and what it keeps on the way, as fetch itself would change it. Used by followRedirects
// (redirects.ts, which loads this module when a first redirect arrives: most clients never see
// one) and by downloadTo's own loop.
import { safeUrl } from './redact.ts';

/** fetch's own limit. */
const MAX_REDIRECTS = 20;
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
function isLoopback(url: URL): boolean {
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

export interface Hop {
  url: string;
  init: RequestInit;
}

export /** What fetch does to the request on a redirect (Fetch standard, "HTTP-redirect fetch"). */
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
