export interface RateLimitInfo {
  /** `RateLimit-Limit`: requests allowed in the window. */
  limit?: number;
  /** `RateLimit-Remaining`: requests left in the window. */
  remaining?: number;
  /** `Retry-After` in milliseconds (429/503 only). */
  retryAfterMs?: number;
}

function intHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null) return undefined;
  const n = Number(raw.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Atlas sends seconds;
 * the date form is read too so that a proxy's answer is not misread as "retry now".
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** `status`, when given, limits Retry-After to the answers where it means something: 429 and 503. */
export function readRateLimit(headers: Headers, status?: number): RateLimitInfo {
  const info: RateLimitInfo = {};
  const limit = intHeader(headers, 'RateLimit-Limit');
  const remaining = intHeader(headers, 'RateLimit-Remaining');
  const retryAfterMs =
    status === undefined || status === 429 || status === 503 ? parseRetryAfter(headers.get('Retry-After')) : undefined;
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  return info;
}
