// Token buckets, one per key (the handlers use limit set + groupId), driven by the mock's clock.
// Refill is continuous: `refillTokens` per `refillIntervalMs`, up to `capacity`. Defaults:
// documented-facts.ts.
import { sharedTierSnapshotsRateLimit } from './documented-facts.ts';

export interface RateLimitOptions {
  /** Bucket size and RateLimit-Limit (default: the documented 4000 per project). */
  capacity?: number;
  /** Tokens added per refill interval (default: 2000). */
  refillTokens?: number;
  /** Refill interval in milliseconds (default: 60 000). */
  refillIntervalMs?: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until one token is back (0 when allowed). */
  retryAfter: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  readonly capacity: number;
  readonly #refillTokens: number;
  readonly #refillIntervalMs: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions = {}) {
    const {
      capacity = sharedTierSnapshotsRateLimit.capacity,
      refillTokens = sharedTierSnapshotsRateLimit.refillTokens,
      refillIntervalMs = sharedTierSnapshotsRateLimit.refillIntervalMs,
    } = options;
    for (const [name, v] of Object.entries({ capacity, refillTokens, refillIntervalMs })) {
      if (!Number.isSafeInteger(v) || v <= 0) {
        throw new RangeError(`rateLimit.${name} must be a positive integer, got ${String(v)}`);
      }
    }
    this.capacity = capacity;
    this.#refillTokens = refillTokens;
    this.#refillIntervalMs = refillIntervalMs;
  }

  #bucket(key: string, now: number): Bucket {
    let b = this.#buckets.get(key);
    if (!b) {
      b = { tokens: this.capacity, at: now };
      this.#buckets.set(key, b);
      return b;
    }
    // A clock that goes back (tests re-pin it) refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - b.at);
    // Multiply before dividing: a whole interval gives back exactly `refillTokens` (a rate per ms
    // such as 2000 / 60000 is not exact in binary and would lose a token at the boundary).
    b.tokens = Math.min(this.capacity, b.tokens + (elapsed * this.#refillTokens) / this.#refillIntervalMs);
    b.at = Math.max(b.at, now);
    return b;
  }

  #decision(b: Bucket, allowed: boolean): RateDecision {
    const remaining = Math.floor(b.tokens);
    const retryAfter = allowed ? 0 : this.#secondsFor(1 - b.tokens);
    return { allowed, limit: this.capacity, remaining, retryAfter };
  }

  /** Takes one token from the key's bucket. */
  take(key: string, now: number): RateDecision {
    const b = this.#bucket(key, now);
    if (b.tokens < 1) return this.#decision(b, false);
    b.tokens -= 1;
    return this.#decision(b, true);
  }

  /** The bucket's state without taking a token (for answers given before the rate check). */
  peek(key: string, now: number): RateDecision {
    return this.#decision(this.#bucket(key, now), true);
  }

  /** Seconds until one token is back in an empty bucket (Retry-After of a scenario 429). */
  get secondsPerToken(): number {
    return this.#secondsFor(1);
  }

  /** Whole seconds (at least 1) until `tokens` are back. */
  #secondsFor(tokens: number): number {
    return Math.max(1, Math.ceil((tokens * this.#refillIntervalMs) / this.#refillTokens / 1000));
  }

  reset(): void {
    this.#buckets.clear();
  }
}
