// The scenarios of the offline demo. Each one says how the mocked Atlas behaves and which clocks
// the mock, the client and the notice use. Dates are derived from the sunset date that
// @atlas-kit/migration-notice takes from specs/, never written here.
import { sunsetDate } from '@atlas-kit/migration-notice';

export type ScenarioId = 'happy' | 'bad-request' | 'rate-limited' | 'after-sunset' | 'no-snapshot';
export const scenarioIds: readonly ScenarioId[] = [
  'happy',
  'bad-request',
  'rate-limited',
  'after-sunset',
  'no-snapshot',
];

const DAY = 86_400_000;
/** 30 days before the sunset, 09:00 UTC: the endpoint is deprecated but still served. */
export const beforeSunset = new Date(sunsetDate.getTime() - 30 * DAY + 9 * 3_600_000);
/** 30 days after the sunset, 09:00 UTC: the tenant endpoint answers 410. */
export const afterSunset = new Date(sunsetDate.getTime() + 30 * DAY + 9 * 3_600_000);

export interface Scenario {
  id: ScenarioId;
  /** The date the mocked Atlas believes it is when the scenario starts (its clock runs on from there). */
  atlasStart: Date;
  /**
   * The date the client believes it is. In "after the sunset" it stays before the sunset on
   * purpose: a client whose clock (or copy of the spec) does not yet know about the sunset sends
   * the tenant request, receives 410 VERSION_GONE and moves to Flex — the path worth showing. A
   * client that already knows the date goes to Flex without asking (route reason `sunset-passed`).
   */
  clientStart: Date;
}

export const scenarios: Record<ScenarioId, Scenario> = {
  happy: { id: 'happy', atlasStart: beforeSunset, clientStart: beforeSunset },
  'bad-request': { id: 'bad-request', atlasStart: beforeSunset, clientStart: beforeSunset },
  'rate-limited': { id: 'rate-limited', atlasStart: beforeSunset, clientStart: beforeSunset },
  'after-sunset': { id: 'after-sunset', atlasStart: afterSunset, clientStart: beforeSunset },
  // After the sunset, on a Flex cluster that has no completed snapshot yet (mock-options.ts seeds it).
  'no-snapshot': { id: 'no-snapshot', atlasStart: afterSunset, clientStart: beforeSunset },
};

export function isScenarioId(v: unknown): v is ScenarioId {
  return typeof v === 'string' && (scenarioIds as readonly string[]).includes(v);
}

/** A clock that starts at `start` and runs at real speed (so timeline times move on). */
export function clockFrom(start: Date): () => Date {
  const t0 = Date.now();
  return () => new Date(start.getTime() + (Date.now() - t0));
}
