// Scenario → options of @atlas-kit/mocks' createAtlasHandlers. The page never answers for Atlas
// itself: every answer comes from the mocks package, configured here.
import {
  type AtlasControl,
  type AtlasMockOptions,
  createAtlasHandlers,
  type SeedFlexSnapshots,
} from '@atlas-kit/mocks';
import { clockFrom, type Scenario } from './scenarios.ts';
import { type DownloadRefusalCode, sampleValues } from './spec-facts.ts';

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
    case 'no-snapshot':
      // after-sunset differs only by its clock: the tenant endpoint answers 410 VERSION_GONE by itself.
      // no-snapshot is after-sunset with a snapshot list seeded (flexSnapshotSeeds).
      return base;
    case 'bad-request':
      return {
        ...base,
        // A refusal Atlas documents for this endpoint, of a request whose values are all well-formed
        // (the client's and the page's checks pass): another download of the snapshot is running.
        // A VALIDATION_ERROR with badRequestDetail.fields would be unbelievable here, since Atlas
        // sends it for malformed values, which never leave the page. The code is one Atlas
        // documents for the download (typed against that list); the sentence is atlas-kit's (our
        // sources do not give Atlas' own wording for it).
        scenario: {
          downloadClusterBackupTenant: {
            status: 400,
            errorCode: 'CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY' satisfies DownloadRefusalCode,
            detail: 'Cannot download the snapshot concurrently: a download of this snapshot is already in progress.',
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

/**
 * The Flex snapshot lists a scenario seeds. Every Flex cluster of the mock lists the spec example's
 * three completed snapshots until seeded; no-snapshot empties the list of the cluster the form is
 * prefilled with. Seeds are state of a handler set, not creation options: apply them to its control.
 */
export function flexSnapshotSeeds(scenario: Scenario): SeedFlexSnapshots[] {
  return scenario.id === 'no-snapshot'
    ? [{ groupId: sampleValues.groupId, clusterName: sampleValues.clusterName, snapshots: [] }]
    : [];
}

export function seedScenario(atlas: AtlasControl, scenario: Scenario): void {
  for (const seed of flexSnapshotSeeds(scenario)) atlas.seedFlexSnapshots(seed);
}

/** A fresh handler set for `scenario`: its options, then its seeds. */
export function scenarioHandlers(scenario: Scenario, tuning: MockTuning = {}): ReturnType<typeof createAtlasHandlers> {
  const set = createAtlasHandlers(mockOptionsFor(scenario, tuning));
  seedScenario(set.atlas, scenario);
  return set;
}
