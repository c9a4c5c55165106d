// What every step sees: the request, the operation it names, the mock's state, and what earlier
// steps found. A step answers with a Reply or passes (undefined) to the next one.
import type { Reply } from '../api-error.ts';
import { rateLimitSets } from '../documented-facts.ts';
import type { RateDecision, TokenBuckets } from '../rate-limit.ts';
import type { RestoreJobStore } from '../restore-jobs.ts';
import type { SnapshotStore } from '../snapshots.ts';
import type { OperationSpec } from '../spec.ts';
import type { AtlasScenario, AuthOptions } from '../types.ts';
import { type ParamResult, validateParams } from '../validation.ts';

export type { Reply };

export type Params = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The mutable state of one handler set (what `atlas` controls). */
export interface MockState {
  scenario: AtlasScenario;
  readonly buckets: TokenBuckets;
  readonly jobs: RestoreJobStore;
  readonly snapshots: SnapshotStore;
  readonly auth: AuthOptions | undefined;
  readonly requestBodyBytes: number;
  /** A fresh nonce for a 401's Digest challenge. */
  nextNonce(): string;
}

/** One check in the order the mocks answer: a Reply answers, undefined passes to the next step. */
export type AnswerStep = (ctx: AnswerContext) => Reply | undefined | Promise<Reply | undefined>;

/** A path parameter as one string (msw gives repeated segments as arrays). */
export function param(params: Params, name: string | undefined): string {
  const v = name === undefined ? undefined : params[name];
  return Array.isArray(v) ? v.join('/') : String(v ?? '');
}

const noQuery = new URLSearchParams();

/** What a step sees of one request: one object, the URL parsed only if a step (or a query) needs it. */
export class AnswerContext {
  readonly request: Request;
  readonly operation: OperationSpec;
  /** Path parameters as msw matched them. */
  readonly params: Params;
  /** Path parameters and the envelope/pretty flags, checked against the spec. */
  readonly checked: ParamResult;
  readonly groupId: string;
  readonly now: Date;
  readonly mock: MockState;
  /** The project's bucket for the operation's limit set (key of mock.buckets). */
  readonly bucket: string;
  /** Set by the rateLimit step: the bucket after this request took its token. */
  rate?: RateDecision;
  /** Set by the bodySize step: the body as text (read up to the limit). */
  bodyText?: string;
  /** Set by the validation step: the parsed body, when it is valid. */
  body?: Record<string, unknown>;
  #url: URL | undefined;

  constructor(request: Request, operation: OperationSpec, params: Params, now: Date, mock: MockState) {
    this.request = request;
    this.operation = operation;
    this.params = params;
    this.now = now;
    this.mock = mock;
    const id = operation.operationId;
    this.groupId = param(params, 'groupId');
    this.bucket = `${rateLimitSets[id]}\u0000${this.groupId}`;
    // Most requests have no query: no URL is parsed for them.
    this.checked = validateParams(id, params, request.url.includes('?') ? this.url.searchParams : noQuery);
  }

  get url(): URL {
    this.#url ??= new URL(this.request.url);
    return this.#url;
  }
}
