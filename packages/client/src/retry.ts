// The 429 retry options, checked when the client is made or a call starts. The loop itself
// (retry-loop.ts, on p-retry) is loaded only when a first 429 arrives.
import type { RateLimitInfo } from './rate-limit.ts';

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
