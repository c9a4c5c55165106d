// The 429 loop, on p-retry (attempt counting, abort through a signal, retry decision) with the
// delay taken from the answer's Retry-After instead of p-retry's own backoff: the built-in delay
// is switched off (minTimeout/maxTimeout 0) and the wait happens, abortably, in onFailedAttempt.
// Only AtlasRateLimitError is retried: never a 5xx or a network error, where the download POST
// may already have started a restore job and a second POST would start another. Loaded by the
// client (with import()) when a first attempt is answered 429: most calls never need it.
import pRetry from 'p-retry';
import { AtlasRateLimitError } from './errors.ts';
import type { ResolvedRetry } from './retry.ts';
import { sleep } from './sleep.ts';

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
