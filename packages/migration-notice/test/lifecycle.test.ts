import { describe, expect, it } from 'vitest';
import { lifecycle } from '../src/index.ts';

describe('lifecycle(now)', () => {
  it('counts whole UTC days before the sunset', () => {
    expect(lifecycle(new Date('2026-01-10T12:00:00Z'))).toEqual({
      phase: 'deprecated',
      sunset: '2026-01-22',
      daysRemaining: 12,
      daysElapsed: 0,
    });
    expect(lifecycle(new Date('2026-01-21T00:00:00Z')).daysRemaining).toBe(1);
  });

  it('boundary: the last instant before the sunset day is deprecated with 1 day remaining', () => {
    expect(lifecycle(new Date('2026-01-21T23:59:59.999Z'))).toEqual({
      phase: 'deprecated',
      sunset: '2026-01-22',
      daysRemaining: 1,
      daysElapsed: 0,
    });
  });

  it('boundary: 00:00 UTC of the sunset day and the whole day are sunset with 0 days elapsed', () => {
    for (const t of ['2026-01-22T00:00:00.000Z', '2026-01-22T23:59:59.999Z']) {
      expect(lifecycle(new Date(t)), t).toEqual({
        phase: 'sunset',
        sunset: '2026-01-22',
        daysRemaining: 0,
        daysElapsed: 0,
      });
    }
  });

  it('counts whole UTC days after the sunset', () => {
    expect(lifecycle(new Date('2026-01-23T00:00:00Z')).daysElapsed).toBe(1);
    expect(lifecycle(new Date('2026-03-05T09:00:00Z'))).toEqual({
      phase: 'sunset',
      sunset: '2026-01-22',
      daysRemaining: 0,
      daysElapsed: 42,
    });
  });

  it('does not depend on the local time zone of the Date (offset forms)', () => {
    // 2026-01-22T01:00+02:00 is 2026-01-21T23:00Z: still deprecated.
    expect(lifecycle(new Date('2026-01-22T01:00:00+02:00')).phase).toBe('deprecated');
    // 2026-01-21T20:00-05:00 is 2026-01-22T01:00Z: sunset.
    expect(lifecycle(new Date('2026-01-21T20:00:00-05:00')).phase).toBe('sunset');
  });

  it('defaults to the current time', () => {
    const expected = lifecycle(new Date());
    expect(lifecycle().phase).toBe(expected.phase);
  });

  it('rejects an invalid Date with a clear message', () => {
    expect(() => lifecycle(new Date('nope'))).toThrow(/lifecycle\(now\): expected a valid Date/);
    expect(() => lifecycle('2026-01-01' as unknown as Date)).toThrow(TypeError);
  });
});
