import { describe, expect, it } from 'vitest';
import { formatAtlasHttpDate, formatHttpDate, parseHttpDate } from '../src/index.ts';

const feb1 = new Date('2023-02-01T00:00:00Z');

describe('formatHttpDate / formatAtlasHttpDate', () => {
  it('writes IMF-fixdate', () => {
    expect(formatHttpDate(feb1)).toBe('Wed, 01 Feb 2023 00:00:00 GMT');
    expect(formatHttpDate(new Date('1994-11-06T08:49:37Z'))).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
  });
  it('writes the Atlas form with an unpadded day', () => {
    expect(formatAtlasHttpDate(feb1)).toBe('Wed, 1 Feb 2023 00:00:00 GMT');
    expect(formatAtlasHttpDate(new Date('2026-01-22T00:00:00Z'))).toBe('Thu, 22 Jan 2026 00:00:00 GMT');
  });
  it('rejects invalid dates and years an HTTP-date cannot hold', () => {
    expect(() => formatHttpDate(new Date('x'))).toThrow(/formatHttpDate: expected a valid Date/);
    expect(() => formatAtlasHttpDate(new Date('+010000-01-01T00:00:00Z'))).toThrow(/years 0000-9999/);
  });
});

describe('parseHttpDate', () => {
  it.each([
    ['Wed, 01 Feb 2023 00:00:00 GMT', '2023-02-01T00:00:00.000Z'],
    ['Wed, 1 Feb 2023 00:00:00 GMT', '2023-02-01T00:00:00.000Z'],
    ['  Sun, 06 Nov 1994 08:49:37 GMT ', '1994-11-06T08:49:37.000Z'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', '1994-11-06T08:49:37.000Z'],
    ['Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37.000Z'],
    ['wed, 01 FEB 2023 00:00:00 GMT', '2023-02-01T00:00:00.000Z'],
    ['Wed, 31 Dec 2008 23:59:60 GMT', '2008-12-31T23:59:59.000Z'],
  ])('reads %j', (input, iso) => {
    const r = parseHttpDate(input);
    expect(r.ok && r.date.toISOString()).toBe(iso);
  });

  it.each([
    ['', /not an HTTP-date/],
    ['2023-02-01', /not an HTTP-date/],
    ['Feb 1 2023', /not an HTTP-date/],
    ['Thu, 01 Feb 2023 00:00:00 GMT', /weekday "Thu" does not match 1 Feb 2023 \(a Wednesday\)/],
    ['Wed, 30 Feb 2023 00:00:00 GMT', /no such day/],
    ['Wed, 01 Fev 2023 00:00:00 GMT', /unknown month "Fev"/],
    ['Wed, 01 Feb 2023 24:00:00 GMT', /time of day out of range/],
    ['Wed, 01 Feb 2023 00:00:00 +0000', /not an HTTP-date/],
    ['Wed, 01 Feb 2023 00:00:00 EST', /not an HTTP-date/],
    ['Wed, 01 Feb 2023 00:00:00', /not an HTTP-date/],
    ['Wed, 01 Feb 2023 00:00:00 GMTX', /not an HTTP-date/],
    ['2023-02-01T00:00:00Z', /not an HTTP-date/],
    ['Wednesday, 01 Feb 2023 00:00:00 GMT', /not an HTTP-date/],
    ['Wed, 01 Feb 2023\n00:00:00 GMT', /not an HTTP-date/],
    ['thu, 01 feb 2023 00:00:00 gmt', /weekday "thu" does not match 1 feb 2023 \(a Wednesday\)/],
    ['Thu,  01  Feb  2023  00:00:00  UTC', /weekday "Thu" does not match/],
    ['Thu Feb  1 00:00:00 2023', /weekday "Thu" does not match/],
    ['Xyz, 01 Feb 2023 00:00:00 GMT', /unknown weekday/],
  ])('reports %j', (input, detail) => {
    const r = parseHttpDate(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.detail).toMatch(detail);
  });

  it.each([
    ['Wed,  01  Feb  2023   00:00:00  GMT', 'runs of spaces'],
    ['Wed,\t01 Feb\t2023 00:00:00\tGMT', 'tabs'],
    ['Wed,01 Feb 2023 00:00:00 GMT', 'no space after the comma'],
    ['Wed , 1 Feb 2023 00:00:00 GMT', 'a space before the comma'],
    ['Wed, 01 Feb 2023 00:00:00 gmt', 'lower-case gmt'],
    ['WED, 01 FEB 2023 00:00:00 Gmt', 'any case'],
    ['Wed, 01 Feb 2023 00:00:00 UTC', 'UTC for GMT'],
    ['wed, 1 feb 2023 00:00:00 utc', 'lower-case utc'],
    ['wednesday,  01-feb-23 00:00:00  utc', 'RFC 850 form, any case, UTC'],
    ['Wed Feb 1 00:00:00 2023', 'asctime with one space before a one-digit day'],
    ['wed  feb   1  00:00:00   2023', 'asctime, any case, runs of spaces'],
  ])('tolerates %j (%s)', (input) => {
    const r = parseHttpDate(input);
    expect(r.ok && r.date.toISOString()).toBe('2023-02-01T00:00:00.000Z');
  });

  it('never throws, whatever it is given', () => {
    for (const v of [undefined, null, 42, {}, 'Wed, 99 Feb 2023 99:99:99 GMT']) {
      expect(() => parseHttpDate(v as string)).not.toThrow();
      expect(parseHttpDate(v as string).ok).toBe(false);
    }
  });

  it('round-trips both formatters', () => {
    for (const iso of [
      '2023-02-01T00:00:00Z',
      '2026-01-22T00:00:00Z',
      '1999-12-31T23:59:59Z',
      '2024-02-29T12:30:05Z',
    ]) {
      const d = new Date(iso);
      for (const f of [formatHttpDate, formatAtlasHttpDate]) {
        const r = parseHttpDate(f(d));
        expect(r.ok && r.date.getTime()).toBe(d.getTime());
      }
    }
  });
});
