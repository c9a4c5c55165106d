// createAtlasClient: openapi-fetch over the generated types, with the auth scheme as middleware,
// the spec's versioned media types, input validation before the network, typed errors, envelope
// unwrapping, 429 retries and deprecation reporting.
import type { DeprecationSignal } from '@atlas-kit/migration-notice/core';
import { atlas } from '@atlas-kit/openapi';
import type { paths } from '@atlas-kit/openapi/types';
import createClient, { type Client, createQuerySerializer, type Middleware } from 'openapi-fetch';
import { type AtlasAuth, createAuthMiddleware } from './auth/index.ts';
import { type CallContext, createCallRegistry } from './auth/replay.ts';
import { describeFetchError } from './auth/service-account.ts';
import { CallRequest } from './call-request.ts';
import { createDeprecationReporter, createSignalReader, type DeprecationEvent, sunsetDetails } from './deprecation.ts';
import {
  type ApiErrorFacts,
  AtlasApiError,
  AtlasError,
  AtlasNetworkError,
  AtlasRateLimitError,
  AtlasTimeoutError,
  EndpointSunsetError,
} from './errors.ts';
import type { LatestSnapshotOptions } from './latest-snapshot.ts';
import { lazy } from './lazy.ts';
import {
  type ClientOperationId,
  type FlexBackupRestoreJob,
  type FlexBackupSnapshot,
  type FlexBackupSnapshotPage,
  type FlexDownloadBody,
  type OperationPlan,
  type PathParams,
  plan,
  type QueryParams,
  type TenantDownloadBody,
  type TenantRestore,
  validateInput,
} from './operations.ts';
import { type RateLimitInfo, readRateLimit } from './rate-limit.ts';
import { createRedactor } from './redact.ts';
import { followRedirects } from './redirects.ts';
import { type ResolvedRetry, type RetryOptions, resolveRetry } from './retry.ts';
import type {
  LatestSnapshotDownloadRequest,
  SnapshotDownloadOutcome,
  SnapshotDownloadRequest,
} from './snapshot-download.ts';

export interface AtlasClientOptions {
  /** Default `https://cloud.mongodb.com`. */
  baseUrl?: string;
  auth: AtlasAuth;
  /**
   * Used for the API calls and for the token request. Default: `globalThis.fetch`, looked up at each
   * request, so that a fetch patched after the client was made (msw's `server.listen()`) is used.
   */
  fetch?: typeof globalThis.fetch;
  /** Called once per operation per client when an operation is deprecated. Default: one console warning. */
  onDeprecation?: (event: DeprecationEvent) => void;
  /** 429 handling; `false` never retries. */
  retry?: RetryOptions | false;
  /**
   * Per call, retries and waits included. Default: none, like fetch (a signal costs every request
   * a little, see the README's bench); set it, or pass `signal`, to bound calls.
   */
  timeoutMs?: number;
  /** Ask Atlas to wrap answers in `{status, content}` (unwrapped again here). Default false. */
  envelope?: boolean;
  /** Clock for the sunset decision of requestSnapshotDownload. Default `() => new Date()`. */
  now?: () => Date;
  /** Receives one line per request, answer, retry and token request. Never contains secrets. */
  debug?: (line: string) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  envelope?: boolean;
  retry?: RetryOptions | false;
}

/** The answer of one call; the same shape with and without `envelope`. */
export interface AtlasResult<T> {
  operationId: string;
  data: T;
  /** HTTP status (with envelope: the status inside the envelope). */
  status: number;
  headers: Headers;
  rateLimit: RateLimitInfo;
  /** What the Deprecation/Sunset/Link headers said; null when nothing. */
  deprecation: DeprecationSignal | null;
}

export interface AtlasClient {
  readonly baseUrl: string;
  /** The underlying openapi-fetch client (auth middleware installed) for calls this client does not wrap. */
  readonly raw: Client<paths>;
  downloadClusterBackupTenant(
    path: PathParams<'downloadClusterBackupTenant'>,
    body: TenantDownloadBody,
    options?: CallOptions,
  ): Promise<AtlasResult<TenantRestore>>;
  getBackupTenantRestore(
    path: PathParams<'getBackupTenantRestore'>,
    options?: CallOptions,
  ): Promise<AtlasResult<TenantRestore>>;
  downloadFlexBackup(
    path: PathParams<'downloadFlexBackup'>,
    body: FlexDownloadBody,
    options?: CallOptions,
  ): Promise<AtlasResult<FlexBackupRestoreJob>>;
  getFlexRestoreJob(
    path: PathParams<'getFlexRestoreJob'>,
    options?: CallOptions,
  ): Promise<AtlasResult<FlexBackupRestoreJob>>;
  /** One page of a Flex cluster's snapshots (`pageNum`, `itemsPerPage` ≤ 500, `includeCount`). */
  listFlexBackupSnapshots(
    path: PathParams<'listFlexBackupSnapshots'>,
    query?: QueryParams<'listFlexBackupSnapshots'>,
    options?: CallOptions,
  ): Promise<AtlasResult<FlexBackupSnapshotPage>>;
  getFlexBackupSnapshot(
    path: PathParams<'getFlexBackupSnapshot'>,
    options?: CallOptions,
  ): Promise<AtlasResult<FlexBackupSnapshot>>;
  /** The Flex cluster's newest COMPLETED snapshot (every page read), or undefined when it has none. */
  latestFlexSnapshot(
    path: PathParams<'listFlexBackupSnapshots'>,
    options?: LatestSnapshotOptions,
  ): Promise<FlexBackupSnapshot | undefined>;
  /** Tenant download while it lives, flex after the sunset / on 410 / on request; then polls to COMPLETED. */
  requestSnapshotDownload(input: SnapshotDownloadRequest): Promise<SnapshotDownloadOutcome>;
  /** Downloads the newest completed snapshot of a Flex cluster: finds it, requests it, polls to COMPLETED. */
  requestLatestSnapshotDownload(input: LatestSnapshotDownloadRequest): Promise<SnapshotDownloadOutcome>;
}

const DEFAULT_BASE_URL = atlas.serverUrl;
/** Bound of the (shared, rare) token request when the client has no timeoutMs. */
const TOKEN_TIMEOUT_MS = 30_000;
const BODY_TEXT_LIMIT = 500;
/** Atlas's errorCode of a 410 past the sunset: the overlay's documented example (VERSION_GONE). */
const VERSION_GONE = atlas.errorCodes['410'];

// openapi-fetch's default path serializer handles every OpenAPI style with regexes on each call;
// these operations have simple `{name}` segments only, so each template is split once and joined.
const templates = new Map<string, string[]>();
const pathSerializer = (pathname: string, path: Record<string, unknown>) => {
  let parts = templates.get(pathname);
  if (!parts) {
    parts = pathname.split(/\{([^{}]+)\}/); // odd indexes are parameter names
    templates.set(pathname, parts);
  }
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 0) out += part;
    else out += path[part] === undefined ? `{${part}}` : encodeURIComponent(String(path[part]));
  }
  return out;
};

const defaultQuery = createQuerySerializer();
// Loaded when first needed (lazy.ts): the 429 loop on a first 429, and the workflows of several
// requests each (finding the newest snapshot, requesting a download and polling it) when first called.
const retryLoop = lazy(() => import('./retry-loop.ts'));
const latestSnapshot = lazy(() => import('./latest-snapshot.ts'));
const snapshotDownload = lazy(() => import('./snapshot-download.ts'));
const NO_OPTIONS: CallOptions = Object.freeze({});

/** What one call keeps for its attempts. */
interface PreparedCall {
  id: ClientOperationId;
  facts: OperationPlan['facts'];
  /** openapi-fetch's name of the method (for `raw.request`). */
  method: string;
  /** openapi-fetch's `params`: the key of the call registry. */
  params: { path: unknown; query?: unknown };
  headers: Readonly<Record<string, string>>;
  signal: AbortSignal | undefined;
  envelope: boolean;
  retry: ResolvedRetry;
  timeoutMs: number | undefined;
  timeout: AbortSignal | undefined;
  userSignal: AbortSignal | undefined;
  deadline: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Envelope: `envelope=true` in the query. A serializer rather than typed `params.query` because the
// flex fragments do not list the parameter although Atlas accepts it on every resource.
const withEnvelope = (query: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, String(v));
  search.set('envelope', 'true');
  return search.toString();
};

function checkBaseUrl(value: unknown): string {
  const text = value === undefined ? DEFAULT_BASE_URL : value;
  if (typeof text !== 'string') throw new TypeError(`createAtlasClient: baseUrl must be a string, got ${typeof text}`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`createAtlasClient: baseUrl ${JSON.stringify(text)} is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`createAtlasClient: baseUrl must be http(s), got ${url.protocol}`);
  }
  if (url.username || url.password)
    throw new TypeError('createAtlasClient: baseUrl must not carry credentials; use options.auth');
  return text.replace(/\/+$/, '');
}

function checkTimeout(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`${what} must be a positive number of milliseconds, got ${String(value)}`);
  }
  return value;
}

/** A callback option: undefined, or a function (anything else would fail later, far from its cause, or silently). */
function checkCallback<F>(value: F | undefined, what: string): F | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`createAtlasClient: ${what} must be a function, got ${describeValue(value)}`);
  }
  return value;
}

const describeValue = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? 'a string' : typeof value;

export function createAtlasClient(options: AtlasClientOptions): AtlasClient {
  if (!options || typeof options !== 'object') {
    throw new TypeError('createAtlasClient(options): options with at least `auth` are required');
  }
  const baseUrl = checkBaseUrl(options.baseUrl);
  const clientTimeoutMs = checkTimeout(options.timeoutMs, 'createAtlasClient: timeoutMs');
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError(`createAtlasClient: fetch must be a function, got ${describeValue(options.fetch)}`);
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new TypeError('createAtlasClient: no fetch available; pass options.fetch');
  }
  // The global is read at each request: a test that creates the client at module level and starts
  // msw in beforeAll must see msw's fetch, not the one that was there when the module loaded.
  const givenFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Every request (typed calls, `raw`, the token request) follows redirects hop by hop, and none
  // leaves https for plain http (redirects.ts: fetch itself would, POST body included).
  const fetchImpl = followRedirects(givenFetch, { plainHttp: 'any' });
  const onDeprecation = checkCallback(options.onDeprecation, 'onDeprecation');
  const userDebug = checkCallback(options.debug, 'debug');
  const now = checkCallback(options.now, 'now') ?? (() => new Date());
  const clientRetry = resolveRetry(options.retry, 'createAtlasClient: ');
  const clientEnvelope = options.envelope === true;
  const authType = options.auth?.type;
  const redactor = createRedactor();
  const debug = userDebug ? (line: string) => userDebug(redactor.redact(line)) : undefined;
  // The call context of each typed call, on its `params` and then on the Request that goes out.
  const calls = createCallRegistry();
  const readSignal = createSignalReader();

  const auth = createAuthMiddleware(options.auth, {
    baseUrl,
    fetch: fetchImpl,
    redactor,
    debug: debug ?? (() => {}),
    tokenTimeoutMs: clientTimeoutMs ?? TOKEN_TIMEOUT_MS,
    calls,
  });
  // The transport of `raw`: a typed call sent through `raw.request` (see send()) goes out as
  // `fetch(url, init)` with the body string and the call's signal (both from the call registry),
  // so that the Request built for the middleware is not copied into a second one by fetch (which
  // would pipe a body through a TransformStream and send it as a stream). Other requests made
  // through `raw`, and auth resends, go out as they are.
  const transport = ((input: RequestInfo | URL, init?: RequestInit) => {
    const call = init === undefined && typeof input === 'object' ? calls.get(input) : undefined;
    if (call === undefined) return fetchImpl(input, init);
    const request = input as Request;
    // One literal shape: `body: undefined` and `signal: undefined` are what fetch assumes anyway.
    return fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: call.body,
      signal: call.signal,
      redirect: request.redirect,
    });
  }) as typeof fetch;
  // Default query serialization, created once: given no function, openapi-fetch builds a new
  // serializer for every request. Same options as its default, so `raw` behaves the same.
  const raw = createClient<paths>({ baseUrl, fetch: transport, pathSerializer, querySerializer: defaultQuery });
  // The auth middleware. Middleware a user adds with `raw.use` runs after it, for the typed calls too.
  raw.use(auth);
  // While no middleware of a user is in place, typed calls hand the middleware a CallRequest
  // (call-request.ts).
  const added = new Set<Middleware>();
  const use = raw.use.bind(raw);
  const eject = raw.eject.bind(raw);
  raw.use = (...middleware) => {
    for (const m of middleware) added.add(m);
    use(...middleware);
  };
  raw.eject = (...middleware) => {
    for (const m of middleware) added.delete(m);
    eject(...middleware);
  };
  // The last middleware of each typed call (openapi-fetch runs a call's own middleware after those
  // of `raw.use`): the Request that will be sent, whichever middleware built it, is registered to go
  // out with the call's body. One that already has a body (a user's middleware gave it one) goes
  // out as it is.
  const register: Middleware[] = [
    {
      onRequest({ request, params }) {
        const call = request.body === null ? calls.get(params) : undefined;
        if (call !== undefined) calls.set(request, call);
        return undefined;
      },
    },
  ];
  const reporter = createDeprecationReporter({ onDeprecation, now });

  /** Sends one attempt of a typed call through openapi-fetch's own request pipeline and middleware. */
  function send(c: PreparedCall): Promise<{ data?: unknown; error?: unknown; response: Response }> {
    const init = {
      params: c.params,
      headers: c.headers,
      // The text as it came: the answer is parsed below, once, envelope or not.
      parseAs: 'text',
      middleware: register,
      ...(added.size > 0 ? {} : { Request: CallRequest }),
      ...(c.envelope ? { querySerializer: withEnvelope } : {}),
    };
    return raw.request(c.method as 'get', c.facts.path as any, init as any);
  }

  function apiError(
    id: ClientOperationId,
    status: number,
    payload: unknown,
    rateLimit: RateLimitInfo,
    attempt: number,
  ) {
    const facts: ApiErrorFacts = { operationId: id, status, rateLimit };
    if (isObject(payload) && typeof payload.errorCode === 'string') {
      const p = redactor.redactDeep(payload);
      facts.errorCode = p.errorCode as string;
      if (typeof p.detail === 'string') facts.detail = p.detail;
      if (typeof p.reason === 'string') facts.reason = p.reason;
      if (Array.isArray(p.parameters)) facts.parameters = p.parameters;
      if (isObject(p.badRequestDetail))
        facts.badRequestDetail = p.badRequestDetail as ApiErrorFacts['badRequestDetail'];
    } else if (payload !== undefined && payload !== '') {
      // Not an Atlas error object: an HTML page from a proxy, plain text, or foreign JSON.
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      facts.bodyText = redactor.redact(text).slice(0, BODY_TEXT_LIMIT);
    }
    const opFacts = plan(id).facts;
    if (status === 429) return new AtlasRateLimitError(facts, attempt);
    if (status === 410 && (facts.errorCode === VERSION_GONE || opFacts.lifecycle.deprecated)) {
      // The notice may have to be loaded first (deprecation.ts): the only error built asynchronously.
      return sunsetDetails(opFacts, now()).then(
        ({ notice, replacement }) => new EndpointSunsetError(facts, notice, replacement, opFacts.lifecycle.sunset),
      );
    }
    return new AtlasApiError(facts);
  }

  /** One attempt of a call (the 429 loop may make more). */
  async function attempt<T>(c: PreparedCall, n: number): Promise<AtlasResult<T>> {
    const { id, facts } = c;
    debug?.(`→ ${facts.method} ${facts.path} (${id}, attempt ${n}, auth ${authType})`);
    let out: { data?: unknown; error?: unknown; response: Response };
    try {
      out = await send(c);
    } catch (error) {
      if (error instanceof AtlasError) throw error;
      if (c.signal?.aborted) throw c.signal.reason;
      throw new AtlasNetworkError(id, `request to ${baseUrl} failed: ${redactor.redact(describeFetchError(error))}`, {
        cause: error,
      });
    }
    const { response } = out;
    debug?.(`← ${response.status} ${id}`);
    // Both are promises only while the parser or the notice is first loaded (deprecation.ts).
    let deprecation = readSignal(response.headers);
    if (deprecation instanceof Promise) deprecation = await deprecation;
    const reported = reporter.observe(facts, deprecation);
    if (reported) await reported;
    let status = response.status;
    // With the envelope, a 429 may hide inside a 200: Retry-After is then read whatever the status.
    const rateLimit = readRateLimit(response.headers, c.envelope ? undefined : status);
    let payload: unknown;
    if (response.ok) {
      const text = out.data as string | undefined;
      try {
        payload = text ? JSON.parse(text) : undefined;
      } catch {
        throw new AtlasApiError({
          operationId: id,
          status,
          detail: `the ${status} answer is not JSON`,
          rateLimit,
          bodyText: redactor.redact(text ?? '').slice(0, BODY_TEXT_LIMIT),
        });
      }
    } else {
      payload = out.error;
    }
    if (c.envelope && isObject(payload) && typeof payload.status === 'number' && 'content' in payload) {
      status = payload.status;
      payload = payload.content;
    }
    if (status < 200 || status > 299) {
      const built = apiError(id, status, payload, rateLimit, n);
      const error = built instanceof Promise ? await built : built;
      // Only from a first 429 on does the retry machinery come into play.
      if (n === 1 && error instanceof AtlasRateLimitError && c.retry.maxAttempts > 1) return retryRateLimited(c, error);
      throw error;
    }
    if (!isObject(payload)) {
      throw new AtlasApiError({
        operationId: id,
        status,
        detail: `the ${status} answer has no JSON object body`,
        rateLimit,
      });
    }
    return { operationId: id, data: payload as T, status, headers: response.headers, rateLimit, deprecation };
  }

  /** Everything a call needs before its first request; throws for bad input. */
  function prepare(
    id: ClientOperationId,
    path: unknown,
    body: unknown,
    o: CallOptions,
    query?: Record<string, unknown>,
  ): PreparedCall {
    const p = plan(id);
    validateInput(id, path, body, redactor.redact, query);
    const timeoutMs = o.timeoutMs === undefined ? clientTimeoutMs : checkTimeout(o.timeoutMs, `${id}: timeoutMs`);
    const retry = o.retry === undefined ? clientRetry : resolveRetry(o.retry, `${id}: `);
    // No signal at all unless asked for: each one costs every request a follower signal.
    const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const signal = o.signal && timeout ? AbortSignal.any([o.signal, timeout]) : (o.signal ?? timeout);
    const envelope = o.envelope ?? clientEnvelope;
    const params = query === undefined ? { path } : { path, query };
    // The body is serialized here and, like the signal, travels beside the Request the middleware
    // sees rather than in it: the request goes out with this text, an auth resend rebuilds the
    // request from it, and a Request built with a body (or a signal) would carry a stream (or a
    // follower signal) that is never used.
    const call: CallContext = { body: body === undefined ? undefined : JSON.stringify(body), signal };
    calls.set(params, call);
    return {
      id,
      facts: p.facts,
      method: p.method,
      params,
      // The versioned media types of the operation, from the spec (Atlas answers 406 to any other).
      headers: body === undefined ? p.headers : p.bodyHeaders,
      signal,
      envelope,
      retry,
      timeoutMs,
      timeout,
      userSignal: o.signal,
      deadline: timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs,
    };
  }

  /** The 429 loop, entered only from a first attempt's 429 (retry-loop.ts, loaded then). */
  function retryRateLimited<T>(c: PreparedCall, first: AtlasRateLimitError): Promise<AtlasResult<T>> {
    return retryLoop.load().then(
      ({ retryAfterRateLimit }) =>
        retryAfterRateLimit(first, (n) => attempt<T>(c, n), {
          ...c.retry,
          operationId: c.id,
          ...(c.signal ? { signal: c.signal } : {}),
          deadline: c.deadline,
          debug: debug ?? (() => {}),
        }),
      // The loop could not be loaded (a chunk a browser could not fetch): the 429 stands.
      () => {
        throw first;
      },
    );
  }

  // Not async: a call without a timeout is the first attempt's own promise, without a wrapper
  // (bad input still rejects, it does not throw).
  function call<T>(
    id: ClientOperationId,
    path: unknown,
    body: unknown,
    o: CallOptions = NO_OPTIONS,
    query?: Record<string, unknown>,
  ): Promise<AtlasResult<T>> {
    let c: PreparedCall;
    try {
      c = prepare(id, path, body, o, query);
    } catch (error) {
      return Promise.reject(error);
    }
    const result = attempt<T>(c, 1);
    const { timeout } = c;
    if (timeout === undefined) return result;
    return result.catch((error: unknown) => {
      if (timeout.aborted && !c.userSignal?.aborted) throw new AtlasTimeoutError(`${id}`, c.timeoutMs as number);
      throw error;
    });
  }

  const client: AtlasClient = {
    baseUrl,
    raw,
    downloadClusterBackupTenant: (path, body, o) => call('downloadClusterBackupTenant', path, body, o),
    getBackupTenantRestore: (path, o) => call('getBackupTenantRestore', path, undefined, o),
    downloadFlexBackup: (path, body, o) => call('downloadFlexBackup', path, body, o),
    getFlexRestoreJob: (path, o) => call('getFlexRestoreJob', path, undefined, o),
    listFlexBackupSnapshots: (path, query, o) =>
      call('listFlexBackupSnapshots', path, undefined, o, (query ?? {}) as Record<string, unknown>),
    getFlexBackupSnapshot: (path, o) => call('getFlexBackupSnapshot', path, undefined, o),
    latestFlexSnapshot: (path, o) => latestSnapshot.load().then((m) => m.findLatestFlexSnapshot(client, path, o)),
    requestSnapshotDownload: (input) =>
      snapshotDownload.load().then((m) => m.requestSnapshotDownload(client, input, { now })),
    requestLatestSnapshotDownload: (input) =>
      snapshotDownload.load().then((m) => m.requestLatestSnapshotDownload(client, input, { now })),
  };
  // What `console.log(client)` / `util.inspect` / JSON show: no closures, no options, no secrets.
  const summary = () => ({ baseUrl, auth: authType });
  Object.defineProperties(client, {
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => `AtlasClient ${JSON.stringify(summary())}` },
    toJSON: { value: summary },
    toString: { value: () => `AtlasClient(${baseUrl}, auth ${authType})` },
  });
  return Object.freeze(client);
}
