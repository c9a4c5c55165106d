// createAtlasClient: openapi-fetch over the generated types, with the auth scheme as middleware,
// the spec's versioned media types, input validation before the network, typed errors, envelope
// unwrapping, 429 retries and deprecation reporting.
import type { DeprecationSignal } from '@atlas-kit/migration-notice';
import { atlasServerUrl, documentedStatusErrorCode } from '@atlas-kit/openapi';
import type { paths } from '@atlas-kit/openapi/types';
import createClient, { type Client } from 'openapi-fetch';
import { type AtlasAuth, createAuthMiddleware } from './auth/index.ts';
import type { CallContext, CallRegistry } from './auth/replay.ts';
import { describeFetchError } from './auth/service-account.ts';
import {
  createDeprecationReporter,
  createSignalReader,
  type DeprecationEvent,
  noticeFor,
  replacementFor,
} from './deprecation.ts';
import {
  type ApiErrorFacts,
  AtlasApiError,
  AtlasError,
  AtlasNetworkError,
  AtlasRateLimitError,
  AtlasTimeoutError,
  EndpointSunsetError,
} from './errors.ts';
import {
  type ClientOperationId,
  type FlexBackupRestoreJob,
  type FlexDownloadBody,
  type PathParams,
  plan,
  type TenantDownloadBody,
  type TenantRestore,
  validateInput,
} from './operations.ts';
import { type RateLimitInfo, readRateLimit } from './rate-limit.ts';
import { createRedactor } from './redact.ts';
import { type RetryOptions, resolveRetry, withRateLimitRetry } from './retry.ts';
import {
  requestSnapshotDownload,
  type SnapshotDownloadOutcome,
  type SnapshotDownloadRequest,
} from './snapshot-download.ts';

export interface AtlasClientOptions {
  /** Default `https://cloud.mongodb.com`. */
  baseUrl?: string;
  auth: AtlasAuth;
  /** Used for the API calls and for the token request. Default `globalThis.fetch`. */
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
  /** Tenant download while it lives, flex after the sunset / on 410 / on request; then polls to COMPLETED. */
  requestSnapshotDownload(input: SnapshotDownloadRequest): Promise<SnapshotDownloadOutcome>;
}

const DEFAULT_BASE_URL = atlasServerUrl;
/** Bound of the (shared, rare) token request when the client has no timeoutMs. */
const TOKEN_TIMEOUT_MS = 30_000;
const BODY_TEXT_LIMIT = 500;
/** Atlas's errorCode of a 410 past the sunset: the overlay's documented example (VERSION_GONE). */
const VERSION_GONE = documentedStatusErrorCode(410);

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
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('createAtlasClient: no fetch available; pass options.fetch');
  const onDeprecation = checkCallback(options.onDeprecation, 'onDeprecation');
  const userDebug = checkCallback(options.debug, 'debug');
  const now = checkCallback(options.now, 'now') ?? (() => new Date());
  const clientRetry = resolveRetry(options.retry, 'createAtlasClient: ');
  const clientEnvelope = options.envelope === true;
  const authType = options.auth?.type;
  const redactor = createRedactor();
  const debug = userDebug ? (line: string) => userDebug(redactor.redact(line)) : undefined;
  const calls: CallRegistry = new WeakMap();
  const outgoing = new WeakMap<Request, CallContext>();
  const readSignal = createSignalReader();

  const auth = createAuthMiddleware(options.auth, {
    baseUrl,
    fetch: fetchImpl,
    redactor,
    debug: debug ?? (() => {}),
    tokenTimeoutMs: clientTimeoutMs ?? TOKEN_TIMEOUT_MS,
    calls,
  });
  // The transport: a request of the client's own calls goes out as `fetch(url, init)` with the
  // body string and the call's signal (both from the call registry), so the Request openapi-fetch
  // built for the middleware is not copied into a second one by fetch (which would pipe a body
  // through a TransformStream and send it as a stream). Requests made through `raw`, and auth
  // resends, go out as they are.
  const transport = ((input: RequestInfo | URL, init?: RequestInit) => {
    const call = input instanceof Request && init === undefined ? outgoing.get(input) : undefined;
    if (!call) return fetchImpl(input, init);
    const request = input as Request;
    return fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      ...(call.body !== undefined ? { body: call.body } : {}),
      ...(call.signal ? { signal: call.signal } : {}),
      redirect: request.redirect,
    });
  }) as typeof fetch;
  const raw = createClient<paths>({ baseUrl, fetch: transport, pathSerializer });
  raw.use(auth, {
    // Last in line, so it sees the Request that will be sent.
    onRequest({ request, params }) {
      const call = calls.get(params);
      if (call) outgoing.set(request, call);
      return undefined;
    },
  });
  const reporter = createDeprecationReporter({ onDeprecation, now });

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
    if (status === 410 && (facts.errorCode === VERSION_GONE || opFacts.deprecated)) {
      return new EndpointSunsetError(facts, noticeFor(opFacts, null, now()), replacementFor(id), opFacts.sunset);
    }
    return new AtlasApiError(facts);
  }

  async function call<T>(
    id: ClientOperationId,
    path: unknown,
    body: unknown,
    o: CallOptions = {},
  ): Promise<AtlasResult<T>> {
    validateInput(id, path, body, redactor.redact);
    const { facts } = plan(id);
    const timeoutMs = checkTimeout(o.timeoutMs, `${id}: timeoutMs`) ?? clientTimeoutMs;
    const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const signal = o.signal && timeout ? AbortSignal.any([o.signal, timeout]) : (o.signal ?? timeout);
    const envelope = o.envelope ?? clientEnvelope;
    const retry = o.retry === undefined ? clientRetry : resolveRetry(o.retry, `${id}: `);
    // The versioned media type of the operation, from the spec: Atlas answers 406 to any other.
    const headers: Record<string, string> = { Accept: facts.mediaType };
    const params = { path };
    let serialized: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = facts.mediaType;
      // Serialized here (not by openapi-fetch): the transport sends this text, and an auth resend
      // rebuilds the request from it.
      serialized = JSON.stringify(body);
    }
    // The signal travels through the registry, not the Request openapi-fetch builds (a Request
    // with a signal costs a follower signal each time it is constructed).
    calls.set(params, { ...(serialized !== undefined ? { body: serialized } : {}), ...(signal ? { signal } : {}) });
    // The body is not given to openapi-fetch: the transport sends the text above with the request
    // (a Request built with a body carries a ReadableStream that is never used).
    const init = {
      params,
      headers,
      parseAs: 'text' as const,
      ...(envelope ? { querySerializer: withEnvelope } : {}),
    };

    const once = async (attempt: number): Promise<AtlasResult<T>> => {
      debug?.(`→ ${facts.method} ${facts.path} (${id}, attempt ${attempt}, auth ${authType})`);
      let out: { data?: unknown; error?: unknown; response: Response };
      try {
        out = await raw.request(facts.method.toLowerCase() as 'get', facts.path as any, init as any);
      } catch (error) {
        if (error instanceof AtlasError) throw error;
        if (signal?.aborted) throw signal.reason;
        throw new AtlasNetworkError(id, `request to ${baseUrl} failed: ${redactor.redact(describeFetchError(error))}`, {
          cause: error,
        });
      }
      const { response } = out;
      debug?.(`← ${response.status} ${id}`);
      const deprecation = readSignal(response.headers);
      reporter.observe(facts, deprecation);
      const rateLimit = readRateLimit(response.headers);
      let status = response.status;
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
      if (envelope && isObject(payload) && typeof payload.status === 'number' && 'content' in payload) {
        status = payload.status;
        payload = payload.content;
      }
      if (status < 200 || status > 299) throw apiError(id, status, payload, rateLimit, attempt);
      if (!isObject(payload)) {
        throw new AtlasApiError({
          operationId: id,
          status,
          detail: `the ${status} answer has no JSON object body`,
          rateLimit,
        });
      }
      return { operationId: id, data: payload as T, status, headers: response.headers, rateLimit, deprecation };
    };

    try {
      return await withRateLimitRetry(once, {
        ...retry,
        operationId: id,
        signal,
        deadline: timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs,
        debug: debug ?? (() => {}),
      });
    } catch (error) {
      if (timeout?.aborted && !o.signal?.aborted) throw new AtlasTimeoutError(`${id}`, timeoutMs as number);
      throw error;
    }
  }

  const client: AtlasClient = {
    baseUrl,
    raw,
    downloadClusterBackupTenant: (path, body, o) => call('downloadClusterBackupTenant', path, body, o),
    getBackupTenantRestore: (path, o) => call('getBackupTenantRestore', path, undefined, o),
    downloadFlexBackup: (path, body, o) => call('downloadFlexBackup', path, body, o),
    getFlexRestoreJob: (path, o) => call('getFlexRestoreJob', path, undefined, o),
    requestSnapshotDownload: (input) => requestSnapshotDownload(client, input, { now }),
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
