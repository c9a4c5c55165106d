// The msw handlers of the operations of specs/. Environment-agnostic: no node: import, so the same
// handlers serve setupServer (msw/node), setupWorker (msw/browser) and the node:http server.
//
// Each operation's handler runs the steps of ./steps/index.ts in order (the first answer wins);
// a catch-all under the API prefix answers what no operation matched (unmatched.ts). This file
// holds the state the steps share and turns a step's Reply into a Response.
import { buildDeprecationHeaders, type DeprecatedOperationId } from '@atlas-kit/migration-notice';
import { delay, type HttpHandler, http } from 'msw';
import { apiError, genericErrorCode, type Reply } from './api-error.ts';
import { checkLatency, checkLimits } from './limits.ts';
import { type RateDecision, TokenBuckets } from './rate-limit.ts';
import { checkSeed, RestoreJobStore } from './restore-jobs.ts';
import { checkScenario } from './scenario.ts';
import { checkSnapshotSeed, SnapshotStore } from './snapshots.ts';
import {
  type AtlasOperationId,
  apiPrefix,
  atlasOperationIds,
  type OperationSpec,
  operationSpecs,
  specServerUrl,
} from './spec.ts';
import { AnswerContext, answerSteps, type MockState } from './steps/index.ts';
import type { AtlasControl, AtlasMockOptions, AtlasScenario, Clock } from './types.ts';
import { unmatchedReply } from './unmatched.ts';

export interface AtlasHandlers {
  /** Pass to `setupServer(...handlers)`, `setupWorker(...handlers)` or `getResponse(handlers, request)`. */
  handlers: HttpHandler[];
  atlas: AtlasControl;
}

interface Flags {
  envelope: boolean;
  pretty: boolean;
}

// Deprecation/Sunset/Link once per operation: dates come from migration-notice and the spec;
// each deprecated operation links its own docs page and successor (the overlay's Link example).
const lifecycleHeaders = new Map<AtlasOperationId, Record<string, string>>();
for (const id of atlasOperationIds) {
  const op = operationSpecs[id];
  if (op.sunsetAt) {
    lifecycleHeaders.set(
      id,
      buildDeprecationHeaders({ sunset: op.sunsetAt, operationId: id as DeprecatedOperationId }),
    );
  }
}

function serialize(
  reply: Reply,
  operationId: AtlasOperationId | undefined,
  rate: RateDecision,
  flags: Flags,
): Response {
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
}

export function createAtlasHandlers(options: AtlasMockOptions = {}): AtlasHandlers {
  const initialScenario: AtlasScenario = options.scenario === undefined ? {} : checkScenario(options.scenario);
  if (options.latencyMs !== undefined) checkLatency(options.latencyMs, 'latencyMs');
  const limits = checkLimits(options.limits);
  const initialClock: Clock = options.clock ?? (() => new Date());
  let clock: Clock = initialClock;
  let nonces = 0;
  const base = (options.baseUrl ?? specServerUrl).replace(/\/+$/, '');
  const mock: MockState = {
    scenario: { ...initialScenario },
    buckets: new TokenBuckets(options.rateLimit, limits.rateBuckets),
    jobs: new RestoreJobStore(limits.restoreJobs),
    snapshots: new SnapshotStore(limits.snapshotClusters),
    auth: options.auth,
    requestBodyBytes: limits.requestBodyBytes,
    nextNonce: () => (++nonces).toString(16).padStart(32, '0'),
  };

  const now = (): Date => {
    const d = clock();
    if (!(d instanceof Date) || Number.isNaN(d.getTime()))
      throw new TypeError('the clock option must return a valid Date');
    return d;
  };

  async function answer(op: OperationSpec, request: Request, params: AnswerContext['params']): Promise<Response> {
    const latency = mock.scenario.latencyMs ?? options.latencyMs ?? 0;
    if (latency > 0) await delay(latency);
    const ctx = new AnswerContext(request, op, params, now(), mock);
    let reply: Reply | undefined;
    for (const step of answerSteps) {
      const result = step(ctx);
      // Most steps are synchronous: awaiting only promises saves a microtask per step.
      reply = result instanceof Promise ? await result : result;
      if (reply) break;
    }
    if (!reply) throw new Error(`no step answered ${op.operationId}`);
    const rate = ctx.rate ?? mock.buckets.peek(ctx.bucket, ctx.now.getTime());
    return serialize(reply, op.operationId, rate, ctx.checked);
  }

  // A handler never throws: an unexpected failure is Atlas's documented 500 answer.
  const failure =
    (op: OperationSpec | undefined) =>
    (e: unknown): Response => {
      const detail = `The atlas-kit mock failed: ${e instanceof Error ? e.message : String(e)}`;
      const reply = apiError(op?.operationId, 500, genericErrorCode(500), detail);
      return serialize(reply, op?.operationId, mock.buckets.full(), { envelope: false, pretty: false });
    };

  const handlers: HttpHandler[] = atlasOperationIds.map((id) => {
    const op = operationSpecs[id];
    const method = op.method === 'POST' ? http.post : http.get;
    const fail = failure(op);
    return method(`${base}${op.pattern}`, ({ request, params }) => answer(op, request, params).catch(fail));
  });

  if ((options.unmatched ?? 'not-found') === 'not-found') {
    handlers.push(
      http.all(`${base}${apiPrefix}/*`, async ({ request }) => {
        try {
          const url = new URL(request.url);
          const flags = {
            envelope: url.searchParams.get('envelope') === 'true',
            pretty: url.searchParams.get('pretty') === 'true',
          };
          // Answers outside any limit set take no token and show a full bucket.
          return serialize(unmatchedReply(request, url, base), undefined, mock.buckets.full(), flags);
        } catch (e) {
          return failure(undefined)(e);
        }
      }),
    );
  }

  const atlas: AtlasControl = {
    setScenario(next) {
      mock.scenario = checkScenario(next);
    },
    get scenario() {
      return mock.scenario;
    },
    reset() {
      mock.scenario = { ...initialScenario };
      clock = initialClock;
      nonces = 0;
      mock.buckets.reset();
      mock.jobs.reset();
      mock.snapshots.reset();
    },
    setClock(next) {
      if (typeof next !== 'function')
        throw new TypeError(`setClock takes a function returning a Date, got ${typeof next}`);
      clock = next;
    },
    seedRestoreJob(seed) {
      return { ...mock.jobs.create(checkSeed(seed), now()) };
    },
    listRestoreJobs() {
      return mock.jobs.list();
    },
    seedFlexSnapshots(seed) {
      return mock.snapshots.seed(checkSnapshotSeed(seed));
    },
  };

  return { handlers, atlas };
}
