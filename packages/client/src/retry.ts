// The 429 loop, on p-retry (attempt counting, abort through a signal, retry decision) with the
// delay taken from the answer's Retry-After instead of p-retry's own backoff: the built-in delay
// is switched off (minTimeout/maxTimeout 0) and the wait happens, abortably, in onFailedAttempt.
// Only AtlasRateLimitError is retried: never a 5xx or a network error, where the download POST
// may already have started a restore job and a second POST would start another.
import pRetry from 'p-retry';
import { AtlasRateLimitError } from './errors.ts';
import type { RateLimitInfo } from './rate-limit.ts';
import { sleep } from './sleep.ts';

export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  maxAttempts?: number;
  /** Cap on one wait, whatever Retry-After says. Default 60 000 ms. */
  maxDelayMs?: number;
  /** Wait when a 429 has no (readable) Retry-After. Default 1 000 ms. */
  defaultDelayMs?: number;
  /** Called before each wait. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  operationId: string;
  /** The attempt that got the 429 (1 = the first). */
  attempt: number;
  delayMs: number;
  rateLimit: RateLimitInfo;
}

export interface ResolvedRetry extends Required<Omit<RetryOptions, 'onRetry'>> {
  onRetry?: (event: RetryEvent) => void;
}

/** `where` prefixes messages, e.g. `createAtlasClient: ` or `downloadFlexBackup: `. */
export function resolveRetry(option: RetryOptions | false | undefined, where = ''): ResolvedRetry {
  if (option === false) return { maxAttempts: 1, maxDelayMs: 0, defaultDelayMs: 0 };
  if (option !== undefined && (typeof option !== 'object' || option === null || Array.isArray(option))) {
    throw new TypeError(
      `${where}retry must be an object ({ maxAttempts, maxDelayMs, defaultDelayMs, onRetry }) or false, got ${option === null ? 'null' : (JSON.stringify(option) ?? typeof option)}`,
    );
  }
  const o = option ?? {};
  const int = (v: number | undefined, fallback: number, name: string, min: number) => {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min)
      throw new TypeError(
        `${where}retry.${name} must be a number ≥ ${min}, got ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`,
      );
    return Math.floor(v);
  };
  if (o.onRetry !== undefined && typeof o.onRetry !== 'function') {
    // Called only on a 429: without this check a typo would surface, if ever, mid-retry.
    throw new TypeError(
      `${where}retry.onRetry must be a function, got ${o.onRetry === null ? 'null' : typeof o.onRetry}`,
    );
  }
  return {
    maxAttempts: int(o.maxAttempts, 4, 'maxAttempts', 1),
    maxDelayMs: int(o.maxDelayMs, 60_000, 'maxDelayMs', 0),
    defaultDelayMs: int(o.defaultDelayMs, 1_000, 'defaultDelayMs', 0),
    ...(o.onRetry ? { onRetry: o.onRetry } : {}),
  };
}

/**
 * What follows a first 429: the wait it asked for, then the attempts that are left on p-retry.
 * The first attempt is made by the caller without any of this (see client.ts): nearly every call
 * succeeds, or fails for good, at once, and then pays for no retry machinery at all.
 */
export async function retryAfterRateLimit<T>(
  first: AtlasRateLimitError,
  run: (attempt: number) => Promise<T>,
  o: ResolvedRetry & { operationId: string; signal?: AbortSignal; deadline: number; debug: (line: string) => void },
): Promise<T> {
  const waitAfter = async (error: unknown, attempt: number, retriesLeft: number) => {
    if (!(error instanceof AtlasRateLimitError) || retriesLeft === 0) return;
    const delayMs = Math.min(error.rateLimit.retryAfterMs ?? o.defaultDelayMs, o.maxDelayMs);
    // Waiting past the call's own deadline only to time out: report the 429 now.
    if (Date.now() + delayMs > o.deadline) throw error;
    o.debug(`429 on ${o.operationId} (attempt ${attempt}): waiting ${delayMs} ms before retrying`);
    o.onRetry?.({ operationId: o.operationId, attempt, delayMs, rateLimit: error.rateLimit });
    await sleep(delayMs, o.signal);
  };
  if (o.maxAttempts <= 1) throw first;
  await waitAfter(first, 1, o.maxAttempts - 1);
  return pRetry((n) => run(n + 1), {
    retries: o.maxAttempts - 2,
    minTimeout: 0,
    maxTimeout: 0,
    factor: 1,
    ...(o.signal ? { signal: o.signal } : {}),
    shouldRetry: ({ error }) => error instanceof AtlasRateLimitError,
    onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => waitAfter(error, attemptNumber + 1, retriesLeft),
  });
}
