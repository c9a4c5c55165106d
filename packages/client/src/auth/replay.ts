// What the client knows about each of its own calls, kept on the `params` object that openapi-fetch
// passes unchanged to every middleware (and on the Request that goes out with it): the serialized
// body and the call's signal. Under a symbol of the client's own rather than in a WeakMap: an
// entry per call in a WeakMap costs every call, and the garbage collector, more than the rest of
// this bookkeeping (see the README's bench).
//
// Two uses. (1) The transport (see client.ts) sends the client's own calls as `fetch(url, init)`
// with the body as a string: the Request the middleware sees carries no body. (2) Resends: an auth
// scheme answering a 401 (digest challenge, expired token) sends the request again, rebuilt from
// the registered body; only requests made through `client.raw` with a body (whose body is used up
// once sent) are cloned up front.
export interface CallContext {
  body?: string;
  signal?: AbortSignal;
}
export interface CallRegistry {
  get(key: object): CallContext | undefined;
  has(key: object): boolean;
  set(key: object, call: CallContext): void;
}

export function createCallRegistry(): CallRegistry {
  const slot = Symbol('atlas-kit call');
  type Keyed = { [slot]?: CallContext };
  return {
    get: (key) => (key as Keyed)[slot],
    has: (key) => (key as Keyed)[slot] !== undefined,
    set(key, call) {
      (key as Keyed)[slot] = call;
    },
  };
}

export function createReplayStore(calls: CallRegistry) {
  const copies = new WeakMap<Request, Request>();
  return {
    keep(request: Request, params: object): void {
      if (request.body !== null && !calls.has(params)) copies.set(request, request.clone());
    },
    /** A fresh, unsent copy of `request`, or undefined when none can be made. */
    take(request: Request, params: object): Request | undefined {
      const copy = copies.get(request);
      if (copy) {
        copies.delete(request);
        return copy;
      }
      const call = calls.get(params);
      if (request.body !== null && !call) return undefined;
      return new Request(request.url, {
        method: request.method,
        headers: new Headers(request.headers),
        body: call?.body ?? null,
        signal: call?.signal ?? request.signal,
        redirect: request.redirect,
      });
    },
    drop(request: Request): void {
      copies.delete(request);
    },
  };
}

/** The signal to honour while a middleware waits (e.g. for a token). */
export function signalOf(calls: CallRegistry, params: object, request: Request): AbortSignal {
  return calls.get(params)?.signal ?? request.signal;
}

/** Frees the connection of an answer whose body nobody will read. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // already consumed or errored: nothing to free
  }
}
