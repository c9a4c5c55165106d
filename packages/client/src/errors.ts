// Typed errors of the client. Every message is built from facts the client knows (operation,
// status, Atlas error code) and from server text passed through `redact`, so that no secret,
// token or signed URL reaches a message, `String(err)`, `util.inspect(err)` or `JSON.stringify(err)`.

import type { SnapshotDownloadResult } from '@atlas-kit/migration-notice/core';
import { atlas } from '@atlas-kit/openapi';
import type { components } from '@atlas-kit/openapi/types';
import type { RateLimitInfo } from './rate-limit.ts';

type FieldViolation = components['schemas']['FieldViolation'];

/**
 * Atlas's own errorCode of a 429 (compiled from the spec's shared 429 answer), which
 * AtlasRateLimitError reuses as its `code`; the AtlasErrorCode union spells it too so that
 * `err.code === 'RATE_LIMITED'` narrows (test/spec-facts.test.ts checks that they agree).
 */
const RATE_LIMITED = atlas.errorCodes['429'];

export type AtlasErrorCode =
  | 'VALIDATION'
  | 'API_ERROR'
  | 'RATE_LIMITED'
  | 'ENDPOINT_SUNSET'
  | 'AUTH'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'RESTORE_JOB_FAILED'
  | 'DOWNLOAD'
  | 'NO_SNAPSHOT';

export class AtlasError extends Error {
  readonly code: AtlasErrorCode;
  constructor(code: AtlasErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }

  /** JSON form: the facts, never a stack (an expected failure is not a crash). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause' && value !== undefined && typeof value !== 'function') out[key] = value;
    }
    return out;
  }
}

export interface ValidationIssue {
  /** The parameter or body field, e.g. `groupId`, `targetDeploymentItemName`, `body`. */
  field: string;
  location: 'path' | 'query' | 'body';
  message: string;
}

/** Bad input, found from the spec's schemas before any request is sent. */
export class AtlasValidationError extends AtlasError {
  readonly operationId: string;
  /** The first offending field. */
  readonly field: string;
  readonly issues: ValidationIssue[];
  constructor(operationId: string, issues: ValidationIssue[]) {
    const list = issues.map((i) => `${i.field} ${i.message}`).join('; ');
    super('VALIDATION', `${operationId}: invalid input: ${list}`);
    this.operationId = operationId;
    this.field = issues[0]?.field ?? '(unknown)';
    this.issues = issues;
  }
}

export interface ApiErrorFacts {
  operationId: string;
  status: number;
  errorCode?: string;
  detail?: string;
  reason?: string;
  parameters?: unknown[];
  badRequestDetail?: { fields?: FieldViolation[] };
  rateLimit: RateLimitInfo;
  /** The body when it was not an Atlas error object (e.g. an HTML 502 page), redacted and shortened. */
  bodyText?: string;
}

function apiMessage(f: ApiErrorFacts): string {
  const head = `${f.operationId} failed: HTTP ${f.status}${f.errorCode ? ` ${f.errorCode}` : ''}`;
  const fields = f.badRequestDetail?.fields?.map((v) => `${v.field}: ${v.description}`).join('; ');
  const said = f.detail ?? f.reason;
  const tail = said ? ` — ${said}` : f.bodyText !== undefined ? ' — the server answered with a non-JSON body' : '';
  return `${head}${tail}${fields ? ` (${fields})` : ''}`;
}

/** A non-2xx answer from Atlas (or from a proxy in front of it). */
export class AtlasApiError extends AtlasError {
  readonly operationId: string;
  readonly status: number;
  readonly errorCode?: string;
  readonly detail?: string;
  readonly reason?: string;
  readonly parameters?: unknown[];
  readonly badRequestDetail?: { fields?: FieldViolation[] };
  /** Shortcut for `badRequestDetail.fields` ([] when none). */
  readonly fields: FieldViolation[];
  readonly rateLimit: RateLimitInfo;
  readonly bodyText?: string;
  constructor(facts: ApiErrorFacts, code: AtlasErrorCode = 'API_ERROR', message = apiMessage(facts)) {
    super(code, message);
    this.operationId = facts.operationId;
    this.status = facts.status;
    this.errorCode = facts.errorCode;
    this.detail = facts.detail;
    this.reason = facts.reason;
    this.parameters = facts.parameters;
    this.badRequestDetail = facts.badRequestDetail;
    this.fields = facts.badRequestDetail?.fields ?? [];
    this.rateLimit = facts.rateLimit;
    this.bodyText = facts.bodyText;
  }
}

/** 429 after the allowed attempts (or when retrying was off). */
export class AtlasRateLimitError extends AtlasApiError {
  readonly attempts: number;
  readonly retryAfterMs?: number;
  constructor(facts: ApiErrorFacts, attempts: number) {
    super(facts, RATE_LIMITED, `${apiMessage(facts)}; gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`);
    this.attempts = attempts;
    this.retryAfterMs = facts.rateLimit.retryAfterMs;
  }
}

export interface ReplacementFacts {
  operationId: string;
  method: string;
  path: string;
  docsUrl: string;
}

/** 410 VERSION_GONE: the resource version is past its sunset. Carries the migration notice. */
export class EndpointSunsetError extends AtlasApiError {
  readonly notice: string;
  readonly sunset?: string;
  /** What to call instead, when known (the tenant operations). */
  readonly replacement?: ReplacementFacts;
  constructor(facts: ApiErrorFacts, notice: string, replacement?: ReplacementFacts, sunset?: string) {
    const instead = replacement ? `; use ${replacement.operationId} (${replacement.method} ${replacement.path})` : '';
    super(
      facts,
      'ENDPOINT_SUNSET',
      `${facts.operationId} is gone (HTTP 410${facts.errorCode ? ` ${facts.errorCode}` : ''}${sunset ? `, sunset ${sunset}` : ''})${instead}`,
    );
    this.notice = notice;
    this.sunset = sunset;
    this.replacement = replacement;
  }
}

/** The credentials could not be used: token endpoint refused or answered nonsense, or digest could not be answered. */
export class AtlasAuthError extends AtlasError {
  readonly status?: number;
  readonly oauthError?: string;
  constructor(message: string, facts: { status?: number; oauthError?: string } = {}, options?: { cause?: unknown }) {
    super('AUTH', message, options);
    this.status = facts.status;
    this.oauthError = facts.oauthError;
  }
}

export class AtlasNetworkError extends AtlasError {
  readonly operationId: string;
  constructor(operationId: string, message: string, options?: { cause?: unknown }) {
    super('NETWORK', `${operationId}: ${message}`, options);
    this.operationId = operationId;
  }
}

export class AtlasTimeoutError extends AtlasError {
  readonly timeoutMs: number;
  constructor(what: string, timeoutMs: number) {
    super('TIMEOUT', `${what} did not finish within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

export class RestoreJobFailedError extends AtlasError {
  readonly job: SnapshotDownloadResult;
  constructor(job: SnapshotDownloadResult, why?: string) {
    super('RESTORE_JOB_FAILED', `${job.source} restore job ${job.id} ${why ?? `ended with status ${job.status}`}`);
    this.job = job;
  }
}

/** A Flex cluster has no COMPLETED snapshot to download (requestLatestSnapshotDownload). */
export class NoCompletedSnapshotError extends AtlasError {
  readonly groupId: string;
  readonly clusterName: string;
  constructor(groupId: string, clusterName: string) {
    super('NO_SNAPSHOT', `flex cluster ${clusterName} in project ${groupId} has no completed snapshot to download`);
    this.groupId = groupId;
    this.clusterName = clusterName;
  }
}

/** downloadTo failed; no file was left under the final name. */
export class DownloadError extends AtlasError {
  readonly file: string;
  readonly bytes: number;
  constructor(message: string, facts: { file: string; bytes: number }, options?: { cause?: unknown }) {
    super('DOWNLOAD', message, options);
    this.file = facts.file;
    this.bytes = facts.bytes;
  }
}
