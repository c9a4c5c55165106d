import { describe, expect, it } from 'vitest';
import { applyAcknowledgements, parseAcknowledgements } from '../src/acknowledge.ts';
import { type Change, change } from '../src/change.ts';
import { InputError } from '../src/errors.ts';

const removed = (location: string): Change => change('response-optional-header-removed', location, { name: 'x' });
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('acknowledgements', () => {
  it('parses kind + location + reason + optional operation and expires', () => {
    const acks = parseAcknowledgements(
      'acknowledged:\n  - {kind: a, location: b, reason: c}\n  - {kind: d, location: e, reason: f, operation: downloadFlexBackup, expires: 2026-01-31}\n',
      'f.yaml',
    );
    expect(acks).toEqual([
      { kind: 'a', location: 'b', reason: 'c' },
      { kind: 'd', location: 'e', reason: 'f', operation: 'downloadFlexBackup', expires: '2026-01-31' },
    ]);
  });

  it.each([
    ['acknowledged:\n  - {kind: a, location: b}\n', /'reason' is required/],
    ['acknowledged:\n  - {kind: a, location: b, reason: c, expiry: 2026-01-01}\n', /unknown key 'expiry'/],
    ['acknowledged:\n  - {kind: a, location: b, reason: c, expires: soon}\n', /'expires' must be YYYY-MM-DD/],
    ['acknowledged:\n  - {kind: a, location: b, reason: c, operation: 3}\n', /'operation' must be an operationId/],
    ['acknowledged: 3\n', /expected a list/],
  ])('rejects %j', (text, message) => {
    expect(() => parseAcknowledgements(text, 'f.yaml')).toThrowError(InputError);
    expect(() => parseAcknowledgements(text, 'f.yaml')).toThrowError(message);
  });

  it('matches kind exactly, location exactly or by * pattern, and operation when given', () => {
    const flex = [
      removed('responses.200.headers.RateLimit-Limit'),
      removed('responses.200.headers.RateLimit-Remaining'),
    ];
    const tenant = [removed('responses.200.headers.RateLimit-Limit')];
    const result = applyAcknowledgements(
      [
        { operationId: 'downloadFlexBackup', changes: flex },
        { operationId: 'downloadClusterBackupTenant', changes: tenant },
      ],
      [
        {
          kind: 'response-optional-header-removed',
          location: 'responses.200.headers.RateLimit-*',
          reason: 'r',
          operation: 'downloadFlexBackup',
        },
        { kind: 'request-parameter-removed', location: 'parameters.query.pretty', reason: 'r' },
      ],
      day('2026-01-01'),
    );
    expect(flex.map((c) => Boolean(c.acknowledged))).toEqual([true, true]);
    expect(tenant[0]?.acknowledged).toBeUndefined();
    expect(result.applied).toBe(2);
    expect(result.unused).toEqual([
      { kind: 'request-parameter-removed', location: 'parameters.query.pretty', reason: 'r' },
    ]);
  });

  it('applies through its expires day and stops the day after', () => {
    const ack = { kind: 'response-optional-header-removed', location: 'l', reason: 'r', expires: '2026-03-10' };
    const onDay = [removed('l')];
    expect(applyAcknowledgements([{ changes: onDay }], [ack], day('2026-03-10')).expired).toEqual([]);
    expect(onDay[0]?.acknowledged).toEqual({ reason: 'r', expires: '2026-03-10' });
    const after = [removed('l')];
    expect(applyAcknowledgements([{ changes: after }], [ack], day('2026-03-11')).expired).toEqual([ack]);
    expect(after[0]?.acknowledged).toBeUndefined();
  });
});
