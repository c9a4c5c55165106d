// The Request object openapi-fetch builds for the middleware of a typed call, while the only
// middleware is the client's own (auth, and the registration in client.ts). A real Request costs
// every call a second parse of the URL, a copy of the headers and an AbortController, and fetch
// builds its own Request anyway: over loopback HTTP that was about a third of the client's
// overhead on raw fetch (README, Bench). The client's middleware reads `url`, `method`, `headers`,
// `body`, `signal` and `redirect` only, and the transport sends these. As soon as a user adds
// middleware with `raw.use`, typed calls go back to real Requests (client.ts): a user's middleware
// may expect all of a Request (clone(), new Request(request), …).
const never = new AbortController().signal;

export class CallRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly redirect: RequestRedirect;
  readonly signal: AbortSignal;
  /** Typed calls never carry their body here: it travels beside the request (auth/replay.ts). */
  readonly body = null;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? 'GET';
    // openapi-fetch merges the headers into a Headers object of its own for each request.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.redirect = init.redirect ?? 'follow';
    this.signal = init.signal ?? never;
  }

  /** openapi-fetch checks what a middleware returns with `instanceof`: a real Request is accepted too. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return (
      value instanceof Request ||
      (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === CallRequest.prototype)
    );
  }
}
