// Redirects, followed by hand one hop at a time, so that each hop is checked before anything is
// sent to it. fetch's own `redirect: 'follow'` checks nothing: it follows https → http and resends
// a POST body (307/308) in clear, and the caller learns where it went only afterwards. By hand
// because nothing maintained does this for fetch: follow-redirects and got wrap node:http (and the
// client's main entry must stay browser-safe), and fetch has no per-hop hook. The client uses
// `followRedirects` as its fetch; downloadTo (node:http) runs its own loop on `redirectTarget`
// (redirect-hops.ts).
import { discard } from './auth/replay.ts';
import { lazy } from './lazy.ts';
import { safeUrl } from './redact.ts';
import type { Hop, HopRules } from './redirect-hops.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// The rules of a hop (redirect-hops.ts), loaded when a first redirect arrives. Should they fail to
// load, the redirect is refused like any hop that cannot be checked.
const hopRules = lazy(() => import('./redirect-hops.ts'));

/** Whether an answer is a redirect to follow (as fetch decides: one of five statuses, with a Location). */
export function isRedirect(status: number, location: string | null | undefined): location is string {
  return REDIRECT_STATUSES.has(status) && typeof location === 'string' && location !== '';
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
    const { redirectTarget, nextHop } = await hopRules.load().catch((error: unknown) => {
      throw new TypeError(`a redirect from ${safeUrl(hop.url)} was refused: its checks did not load`, { cause: error });
    });
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
