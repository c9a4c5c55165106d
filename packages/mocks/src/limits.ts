// The mock's own limits (not Atlas facts: no source documents Atlas's). They keep a long-lived dev
// server flat and a hostile request cheap; README "Limits" states them.

export interface MockLimits {
  /** Largest request body read, in bytes (default 1 MiB, nginx's default client_max_body_size); past it: 413. */
  requestBodyBytes?: number;
  /** Restore jobs kept (default 1000); past it the oldest job is forgotten. */
  restoreJobs?: number;
  /** Rate-limit buckets kept, one per limit set and project (default 1000); past it the oldest goes. */
  rateBuckets?: number;
  /** Flex clusters whose snapshots were seeded, kept (default 1000); past it the oldest goes back to the default list. */
  snapshotClusters?: number;
}

export const defaultLimits: Readonly<Required<MockLimits>> = {
  requestBodyBytes: 1024 * 1024,
  restoreJobs: 1000,
  rateBuckets: 1000,
  snapshotClusters: 1000,
};

/** setTimeout's largest delay (2^31 - 1 ms, about 24.8 days): a longer latency would fire at once. */
export const maxLatencyMs = 2 ** 31 - 1;

/** The limits in force: defaults for what is not given; a clear RangeError for a bad value. */
export function checkLimits(limits: unknown): Required<MockLimits> {
  if (limits === undefined) return { ...defaultLimits };
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) {
    throw new TypeError(`limits must be an object, got ${JSON.stringify(limits)}`);
  }
  const out = { ...defaultLimits };
  for (const [name, value] of Object.entries(limits)) {
    if (value === undefined) continue;
    if (!(name in defaultLimits)) {
      const shown = /^\w{1,40}$/.test(name) ? `.${name}` : `[${JSON.stringify(name.slice(0, 40))}]`;
      throw new TypeError(`limits${shown} is unknown; use one of ${Object.keys(defaultLimits).join(', ')}`);
    }
    if (!Number.isSafeInteger(value) || (value as number) <= 0) {
      throw new RangeError(`limits.${name} must be a positive integer, got ${JSON.stringify(value)}`);
    }
    out[name as keyof MockLimits] = value as number;
  }
  return out;
}

/** A latency (option or scenario): a number of milliseconds setTimeout can wait. */
export function checkLatency(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > maxLatencyMs) {
    throw new TypeError(
      `${where} must be a number of milliseconds from 0 to ${maxLatencyMs}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
