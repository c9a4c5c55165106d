// Token buckets, one per key (the handlers use limit set + groupId). Refill is continuous:
// `refillTokens` per `refillIntervalMs`, up to `capacity`. Defaults: documented-facts.ts.
//
// Time: a bucket refills by whichever moved more since it was last used — the mock's clock or
// real (monotonic) time. Tests that move the clock refill by the clock; a pinned clock (as in
// every README example) still refills as real time passes, so a long dev session is never
// refused forever, and Retry-After (the time one token takes) is true either way.
//
// Buckets are bounded: past `maxBuckets`, the oldest one is forgotten and that project starts
// again with a full bucket.
import { BoundedMap } from './bounded-map.ts';
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
  /** The mock clock's time (ms) at the last update. */
  at: number;
  /** Real monotonic time (ms) at the last update. */
  real: number;
}

const monotonicMs = (): number => performance.now();

export class TokenBuckets {
  readonly capacity: number;
  readonly #refillTokens: number;
  readonly #refillIntervalMs: number;
  readonly #buckets: BoundedMap<string, Bucket>;
  readonly #realNow: () => number;

  constructor(options: RateLimitOptions = {}, maxBuckets = 1000, realNow: () => number = monotonicMs) {
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
    this.#buckets = new BoundedMap(maxBuckets);
    this.#realNow = realNow;
  }

  #bucket(key: string, now: number): Bucket {
    const real = this.#realNow();
    let b = this.#buckets.get(key);
    if (!b) {
      b = { tokens: this.capacity, at: now, real };
      this.#buckets.set(key, b);
      return b;
    }
    // A clock that goes back (tests re-pin it) refills nothing by itself rather than draining.
    const elapsed = Math.max(0, now - b.at, real - b.real);
    // Multiply before dividing: a whole interval gives back exactly `refillTokens` (a rate per ms
    // such as 2000 / 60000 is not exact in binary and would lose a token at the boundary).
    b.tokens = Math.min(this.capacity, b.tokens + (elapsed * this.#refillTokens) / this.#refillIntervalMs);
    b.at = Math.max(b.at, now);
    b.real = real;
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

  /** The bucket's state without taking a token or creating one (for answers before the rate check). */
  peek(key: string, now: number): RateDecision {
    if (!this.#buckets.has(key)) return this.full();
    return this.#decision(this.#bucket(key, now), true);
  }

  /** A full bucket: for answers outside any limit set, and for projects not seen yet. */
  full(): RateDecision {
    return { allowed: true, limit: this.capacity, remaining: this.capacity, retryAfter: 0 };
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
