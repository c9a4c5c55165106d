// Scenario → options of @atlas-kit/mocks' createAtlasHandlers. The page never answers for Atlas
// itself: every answer comes from the mocks package, configured here.
import type { AtlasMockOptions } from '@atlas-kit/mocks';
import { clockFrom, type Scenario } from './scenarios.ts';

export interface MockTuning {
  /** The page's first poll wait (the rate-limited scenario scales its bucket to it). Default 2 000. */
  pollIntervalMs?: number;
  /** Delay of every mocked answer (dev: a little, so the timeline can be watched; tests: 0). */
  latencyMs?: number;
  /** The only bearer tokens the mock accepts (the page's visible demo token). */
  bearerTokens?: readonly string[];
}

export function mockOptionsFor(scenario: Scenario, tuning: MockTuning = {}): AtlasMockOptions {
  const pollIntervalMs = tuning.pollIntervalMs ?? 2_000;
  const base: AtlasMockOptions = {
    clock: clockFrom(scenario.atlasStart),
    latencyMs: tuning.latencyMs ?? 0,
    ...(tuning.bearerTokens ? { auth: { bearerTokens: tuning.bearerTokens } } : {}),
  };
  switch (scenario.id) {
    case 'happy':
    case 'after-sunset':
      // after-sunset differs only by its clock: the tenant endpoint answers 410 VERSION_GONE by itself.
      return base;
    case 'validation':
      return {
        ...base,
        // Atlas' answer to a well-formed request it still refuses: the client's own checks pass, so the
        // page shows what Atlas said, beside the input it names.
        scenario: {
          downloadClusterBackupTenant: {
            status: 400,
            errorCode: 'VALIDATION_ERROR',
            fields: [{ field: 'snapshotId', description: 'No backup snapshot with this ID exists for this cluster.' }],
          },
        },
      };
    case 'rate-limited':
      // A bucket of 2 that refills slower than the client polls: the POST and the first poll pass,
      // the next polls meet 429 with Retry-After of a second or two, and the client's retry gets through.
      return {
        ...base,
        rateLimit: { capacity: 2, refillTokens: 1, refillIntervalMs: Math.max(1_000, Math.round(3 * pollIntervalMs)) },
      };
  }
}
