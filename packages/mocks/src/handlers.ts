// The msw handlers of the four operations. Environment-agnostic: no node: import, so the same
// handlers serve setupServer (msw/node), setupWorker (msw/browser) and the node:http server.
//
// Order of the checks, the way Atlas answers (the first failing one answers):
//   401 Authorization → 429 rate limit (token bucket per limit set and groupId) → 406 Accept (operations that
//   document 406) → 410 after the sunset (operations with x-sunset that document 410) →
//   400 VALIDATION_ERROR (path parameters, envelope/pretty, Content-Type, JSON, body schema) →
//   the scenario's error, if one is selected → 200 (restore-job flow) or 404 for an unknown job.
import { buildDeprecationHeaders, type DeprecatedOperationId } from '@atlas-kit/migration-notice';
import { delay, type HttpHandler, http } from 'msw';
import { checkAuthorization, digestChallenge } from './auth.ts';
import { endpointErrorCodes, rateLimitSets } from './documented-facts.ts';
import { acceptsMediaType, contentMediaType } from './negotiation.ts';
import { type RateDecision, TokenBuckets } from './rate-limit.ts';
import { type RestoreApi, RestoreJobStore, restoreJobBody, type SeedRestoreJob } from './restore-jobs.ts';
import {
  type AtlasOperationId,
  apiPrefix,
  atlasOperationIds,
  errorExample,
  genericErrorBody,
  type OperationSpec,
  operationSpecs,
  rateLimitedErrorCode,
  specServerUrl,
} from './spec.ts';
import type { AtlasControl, AtlasMockOptions, AtlasScenario, Clock } from './types.ts';
import { declaredBodyFields, type FieldViolation, validateBody, validateParams } from './validation.ts';

export interface AtlasHandlers {
  /** Pass to `setupServer(...handlers)`, `setupWorker(...handlers)` or `getResponse(handlers, request)`. */
  handlers: HttpHandler[];
  atlas: AtlasControl;
}

type Json = Record<string, unknown>;
type Params = Readonly<Record<string, string | readonly string[] | undefined>>;

const errorMediaType = 'application/json';
const validationErrorCode: string = genericErrorBody(400).errorCode;
const notFoundExample = genericErrorBody(404);
const internalErrorExample = genericErrorBody(500);

const apiOf = (op: OperationSpec): RestoreApi => (op.operationId.toLowerCase().includes('flex') ? 'flex' : 'tenant');

/** The errorCode a selected status answers with when the scenario names none. */
function defaultErrorCode(operationId: AtlasOperationId, status: number): string {
  return endpointErrorCodes[operationId][status]?.[0] ?? notFoundExample.errorCode;
}

function reasonOf(operationId: AtlasOperationId | undefined, status: number): string {
  return (operationId && errorExample(operationId, status)?.reason) || notFoundExample.reason;
}

interface Reply {
  status: number;
  body: Json;
  mediaType: string;
  headers?: Record<string, string>;
}

const scenarioKeys = new Set<string>([...atlasOperationIds, 'restoreOutcome', 'latencyMs']);

/** A scenario from JavaScript (e.g. a Pact state handler) is checked: a typo must not pass silently. */
export function checkScenario(input: AtlasScenario): AtlasScenario {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError(`scenario must be an object, got ${JSON.stringify(input)}`);
  }
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!scenarioKeys.has(key)) {
      throw new TypeError(`scenario.${key} is unknown; use one of ${[...scenarioKeys].join(', ')}`);
    }
    if (key === 'restoreOutcome' && value !== 'COMPLETED' && value !== 'FAILED') {
      throw new TypeError(`scenario.restoreOutcome must be 'COMPLETED' or 'FAILED', got ${JSON.stringify(value)}`);
    }
    if (key === 'latencyMs' && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new TypeError(`scenario.latencyMs must be a number >= 0, got ${JSON.stringify(value)}`);
    }
    const op = operationSpecs[key as AtlasOperationId];
    if (op) {
      const status = (value as { status?: unknown }).status;
      if (typeof status !== 'number' || !op.statuses.includes(status)) {
        throw new TypeError(
          `scenario.${key}.status must be one of ${op.statuses.join(', ')} (documented), got ${JSON.stringify(status)}`,
        );
      }
    }
  }
  return { ...input };
}

export function createAtlasHandlers(options: AtlasMockOptions = {}): AtlasHandlers {
  const initialScenario: AtlasScenario = checkScenario(options.scenario ?? {});
  const initialClock: Clock = options.clock ?? (() => new Date());
  let scenario: AtlasScenario = initialScenario;
  let clock: Clock = initialClock;
  let nonces = 0;
  const buckets = new TokenBuckets(options.rateLimit);
  const jobs = new RestoreJobStore();
  const base = (options.baseUrl ?? specServerUrl).replace(/\/+$/, '');

  // Deprecation/Sunset/Link once per operation: dates come from migration-notice and the spec.
  const lifecycleHeaders = new Map<AtlasOperationId, Record<string, string>>();
  for (const id of atlasOperationIds) {
    const op = operationSpecs[id];
    if (op.sunsetAt) {
      // Each deprecated operation links its own docs page and successor (the overlay's Link example).
      lifecycleHeaders.set(
        id,
        buildDeprecationHeaders({ sunset: op.sunsetAt, operationId: id as DeprecatedOperationId }),
      );
    }
  }

  // Answers outside any modelled limit set (the catch-all 404, an unexpected 500) report a full
  // bucket: they take no token and belong to no operation's set.
  const fullBucket = (): RateDecision => ({
    allowed: true,
    limit: buckets.capacity,
    remaining: buckets.capacity,
    retryAfter: 0,
  });

  const now = (): Date => {
    const d = clock();
    if (!(d instanceof Date) || Number.isNaN(d.getTime()))
      throw new TypeError('the clock option must return a valid Date');
    return d;
  };

  const serialize = (
    reply: Reply,
    operationId: AtlasOperationId | undefined,
    rate: RateDecision,
    flags: { envelope: boolean; pretty: boolean },
  ): Response => {
    const payload = flags.envelope ? { status: reply.status, content: reply.body } : reply.body;
    const text = flags.pretty ? JSON.stringify(payload, null, 2) : JSON.stringify(payload);
    const headers: Record<string, string> = {
      'Content-Type': reply.mediaType,
      'RateLimit-Limit': String(rate.limit),
      'RateLimit-Remaining': String(rate.remaining),
      ...(operationId ? lifecycleHeaders.get(operationId) : undefined),
      ...reply.headers,
    };
    // A plain Response: msw takes it as is, and HttpResponse's extras (cookies) are not needed here.
    return new Response(text, { status: reply.status, headers });
  };

  const error = (
    operationId: AtlasOperationId | undefined,
    status: number,
    errorCode: string,
    detail: string,
    extra: { fields?: FieldViolation[]; headers?: Record<string, string> } = {},
  ): Reply => ({
    status,
    mediaType: errorMediaType,
    body: {
      ...(extra.fields ? { badRequestDetail: { fields: extra.fields } } : {}),
      detail,
      error: status,
      errorCode,
      reason: reasonOf(operationId, status),
    },
    ...(extra.headers ? { headers: extra.headers } : {}),
  });

  const param = (params: Params, name: string | undefined): string => {
    const v = name === undefined ? undefined : params[name];
    return Array.isArray(v) ? v.join('/') : String(v ?? '');
  };

  async function resolve(op: OperationSpec, request: Request, params: Params): Promise<Response> {
    const latency = scenario.latencyMs ?? options.latencyMs ?? 0;
    if (latency > 0) await delay(latency);
    const at = now();
    const ms = at.getTime();
    const url = new URL(request.url);
    const id = op.operationId;
    const groupId = param(params, 'groupId');
    // Atlas counts per limit set and project: a Flex call never uses up the Shared Tier Snapshots limit.
    const limitSet = rateLimitSets[id];
    const bucket = `${limitSet}\u0000${groupId}`;
    const checked = validateParams(id, params, url.searchParams);
    const flags = { envelope: checked.envelope, pretty: checked.pretty };
    const send = (reply: Reply, rate: RateDecision) => serialize(reply, id, rate, flags);

    // RFC 9110 §15.5.2: a 401 carries a challenge; Digest clients need its nonce.
    const challenge = () => ({ 'WWW-Authenticate': digestChallenge((++nonces).toString(16).padStart(32, '0')) });
    const auth = checkAuthorization(
      request.headers.get('authorization'),
      { method: request.method, url },
      options.auth,
    );
    if (!auth.ok) {
      return send(
        error(id, 401, defaultErrorCode(id, 401), auth.problem, { headers: challenge() }),
        buckets.peek(bucket, ms),
      );
    }

    const rate = buckets.take(bucket, ms);
    if (!rate.allowed) {
      const detail = `Too many requests for project ${groupId} in the ${limitSet} limit set: the limit is ${rate.limit}; retry in ${rate.retryAfter} s.`;
      return send(
        error(id, 429, rateLimitedErrorCode, detail, { headers: { 'Retry-After': String(rate.retryAfter) } }),
        rate,
      );
    }

    if (op.statuses.includes(406) && !acceptsMediaType(request.headers.get('accept'), op.mediaType)) {
      const example = errorExample(id, 406);
      return send(error(id, 406, example?.errorCode ?? '', example?.detail ?? ''), rate);
    }

    if (op.sunsetAt && op.statuses.includes(410) && ms >= op.sunsetAt.getTime()) {
      const example = errorExample(id, 410);
      return send(error(id, 410, example?.errorCode ?? '', example?.detail ?? ''), rate);
    }

    const fields: FieldViolation[] = [...checked.violations];
    let body: Json | undefined;
    if (op.requestBody) {
      const type = contentMediaType(request.headers.get('content-type'));
      if (!type || !op.requestBody.mediaTypes.includes(type)) {
        fields.push({
          field: 'Content-Type',
          description: `Content-Type must be ${op.requestBody.mediaTypes.join(' or ')}, got ${type ? JSON.stringify(type) : 'none'}.`,
        });
      } else {
        const text = await request.text();
        if (text.trim() === '') {
          if (op.requestBody.required) fields.push({ field: 'requestBody', description: 'requestBody is required' });
        } else {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch (e) {
            fields.push({
              field: 'requestBody',
              description: `requestBody is not valid JSON: ${(e as Error).message}`,
            });
          }
          if (parsed !== undefined) {
            const bodyViolations = validateBody(id, parsed);
            fields.push(...bodyViolations);
            if (bodyViolations.length === 0) body = parsed as Json;
          }
        }
      }
    }
    if (fields.length > 0) {
      const detail = `Invalid request: ${fields.map((f) => f.field).join(', ')}.`;
      return send(error(id, 400, validationErrorCode, detail, { fields }), rate);
    }

    const selected = scenario[id];
    if (selected && selected.status !== 200) {
      const fields = 'fields' in selected ? selected.fields : undefined;
      // Field violations are what Atlas answers as VALIDATION_ERROR; without them, the documented default.
      const errorCode = selected.errorCode ?? (fields ? validationErrorCode : defaultErrorCode(id, selected.status));
      const detail = selected.detail ?? `${errorCode}: answered by the atlas-kit mock because the scenario selects it.`;
      const headers: Record<string, string> = selected.status === 401 ? challenge() : {};
      let decision = rate;
      if (selected.status === 429) {
        const retryAfter = ('retryAfter' in selected && selected.retryAfter) || buckets.secondsPerToken;
        headers['Retry-After'] = String(retryAfter);
        decision = { ...rate, remaining: 0 };
      }
      return send(
        error(id, selected.status, errorCode, detail, { headers, ...(fields ? { fields: [...fields] } : {}) }),
        decision,
      );
    }

    const cluster = param(params, op.clusterParam);
    const api = apiOf(op);
    if (op.method === 'POST') {
      // Only what the request schema declares reaches the job (validated); anything else is ignored.
      const declared = declaredBodyFields(id);
      const taken: Record<string, string> = {};
      for (const name of ['snapshotId', 'targetDeploymentItemName', 'targetProjectId'] as const) {
        const value = body?.[name];
        if (declared.has(name) && typeof value === 'string') taken[name] = value;
      }
      const job = jobs.create({ api, groupId, clusterName: cluster, ...taken }, at);
      return send({ status: 200, mediaType: op.mediaType, body: restoreJobBody(job) as Json }, rate);
    }
    const jobId = param(params, op.jobParam);
    const job = jobs.find(api, jobId, groupId, cluster);
    if (!job) {
      const detail = `No restore job with ID ${jobId} exists for cluster ${cluster} in project ${groupId}.`;
      return send(error(id, 404, notFoundExample.errorCode, detail), rate);
    }
    jobs.advance(job, scenario.restoreOutcome ?? 'COMPLETED', at);
    return send({ status: 200, mediaType: op.mediaType, body: restoreJobBody(job) as Json }, rate);
  }

  // A handler never throws: an unexpected failure is Atlas's documented 500 answer.
  const guarded = async (op: OperationSpec | undefined, run: () => Promise<Response>): Promise<Response> => {
    try {
      return await run();
    } catch (e) {
      const detail = `The atlas-kit mock failed: ${e instanceof Error ? e.message : String(e)}`;
      return serialize(
        error(op?.operationId, 500, internalErrorExample.errorCode, detail),
        op?.operationId,
        fullBucket(),
        {
          envelope: false,
          pretty: false,
        },
      );
    }
  };

  const handlers: HttpHandler[] = atlasOperationIds.map((id) => {
    const op = operationSpecs[id];
    const method = op.method === 'POST' ? http.post : http.get;
    return method(`${base}${op.pattern}`, ({ request, params }) => guarded(op, () => resolve(op, request, params)));
  });

  if ((options.unmatched ?? 'not-found') === 'not-found') {
    handlers.push(
      http.all(`${base}${apiPrefix}/*`, ({ request }) =>
        guarded(undefined, async () => {
          const url = new URL(request.url);
          const detail = `No resource answers ${request.method} ${url.pathname}.`;
          const flags = {
            envelope: url.searchParams.get('envelope') === 'true',
            pretty: url.searchParams.get('pretty') === 'true',
          };
          return serialize(error(undefined, 404, notFoundExample.errorCode, detail), undefined, fullBucket(), flags);
        }),
      ),
    );
  }

  const atlas: AtlasControl = {
    setScenario(next) {
      scenario = checkScenario(next);
    },
    get scenario() {
      return scenario;
    },
    reset() {
      scenario = { ...initialScenario };
      clock = initialClock;
      nonces = 0;
      buckets.reset();
      jobs.reset();
    },
    setClock(next) {
      clock = next;
    },
    seedRestoreJob(seed: SeedRestoreJob) {
      return { ...jobs.create(seed, now()) };
    },
    listRestoreJobs() {
      return jobs.list();
    },
  };

  return { handlers, atlas };
}
