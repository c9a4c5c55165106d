import { describe, expect, it } from 'vitest';
import { applyAcknowledgements, parseAcknowledgements } from '../src/acknowledge.ts';
import type { Change } from '../src/compare.ts';
import { InputError } from '../src/errors.ts';

const change = (kind: string, location: string): Change => ({ severity: 'breaking', kind, location, message: 'x' });
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('acknowledgements', () => {
  it('parses kind + location + reason + optional expires', () => {
    const acks = parseAcknowledgements(
      'acknowledged:\n  - {kind: a, location: b, reason: c}\n  - {kind: d, location: e, reason: f, expires: 2026-01-31}\n',
      'f.yaml',
    );
    expect(acks).toEqual([
      { kind: 'a', location: 'b', reason: 'c' },
      { kind: 'd', location: 'e', reason: 'f', expires: '2026-01-31' },
    ]);
  });

  it.each([
    ['acknowledged:\n  - {kind: a, location: b}\n', /'reason' is required/],
    ['acknowledged:\n  - {kind: a, location: b, reason: c, expiry: 2026-01-01}\n', /unknown key 'expiry'/],
    ['acknowledged:\n  - {kind: a, location: b, reason: c, expires: soon}\n', /'expires' must be YYYY-MM-DD/],
    ['acknowledged: 3\n', /expected a list/],
  ])('rejects %j', (text, message) => {
    expect(() => parseAcknowledgements(text, 'f.yaml')).toThrowError(InputError);
    expect(() => parseAcknowledgements(text, 'f.yaml')).toThrowError(message);
  });

  it('matches kind exactly and location exactly or by * pattern', () => {
    const changes = [
      change('response-optional-header-removed', 'responses.200.headers.RateLimit-Limit'),
      change('response-optional-header-removed', 'responses.200.headers.RateLimit-Remaining'),
      change('request-parameter-removed', 'parameters.query.envelope'),
    ];
    const result = applyAcknowledgements(
      changes,
      [
        { kind: 'response-optional-header-removed', location: 'responses.200.headers.RateLimit-*', reason: 'r' },
        { kind: 'request-parameter-removed', location: 'parameters.query.pretty', reason: 'r' },
      ],
      day('2026-01-01'),
    );
    expect(changes.map((c) => Boolean(c.acknowledged))).toEqual([true, true, false]);
    expect(result.applied).toBe(2);
    expect(result.unused).toEqual([
      { kind: 'request-parameter-removed', location: 'parameters.query.pretty', reason: 'r' },
    ]);
  });

  it('applies through its expires day and stops the day after', () => {
    const ack = { kind: 'k', location: 'l', reason: 'r', expires: '2026-03-10' };
    const onDay = [change('k', 'l')];
    expect(applyAcknowledgements(onDay, [ack], day('2026-03-10')).expired).toEqual([]);
    expect(onDay[0]?.acknowledged).toEqual({ reason: 'r', expires: '2026-03-10' });
    const after = [change('k', 'l')];
    expect(applyAcknowledgements(after, [ack], day('2026-03-11')).expired).toEqual([ack]);
    expect(after[0]?.acknowledged).toBeUndefined();
  });
});
