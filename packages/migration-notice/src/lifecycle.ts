import { deprecatedOperation, sunsetDate } from './facts.ts';

export type Phase = 'deprecated' | 'sunset';

export interface Lifecycle {
  phase: Phase;
  /** x-sunset, `YYYY-MM-DD` (UTC). */
  sunset: string;
  /** Whole UTC days until the sunset day: 1 on the day before it, 0 from the sunset day on. */
  daysRemaining: number;
  /** Whole UTC days since the sunset day: 0 before it and on the day itself. */
  daysElapsed: number;
}

const dayMs = 86_400_000;

/** Days since the epoch of the UTC calendar day containing `d`. */
const utcDayNumber = (d: Date): number => Math.floor(d.getTime() / dayMs);

/**
 * Where the deprecated operation stands at `now`. The sunset instant is 00:00 UTC of the x-sunset
 * day (Atlas gives no time of day; RFC 8594 treats the Sunset date as the moment the resource may
 * stop answering), so the whole x-sunset day already counts as sunset. Days are counted in UTC
 * calendar days, so the answer does not depend on the caller's time zone.
 */
export function lifecycle(now: Date = new Date()): Lifecycle {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new TypeError(`lifecycle(now): expected a valid Date, got ${String(now)}`);
  }
  const diff = utcDayNumber(sunsetDate) - utcDayNumber(now);
  const phase: Phase = now.getTime() < sunsetDate.getTime() ? 'deprecated' : 'sunset';
  return {
    phase,
    sunset: deprecatedOperation.sunset,
    daysRemaining: phase === 'deprecated' ? diff : 0,
    // Math.max also turns -0 (sunset day itself) into 0.
    daysElapsed: phase === 'sunset' ? Math.max(0, -diff) : 0,
  };
}
