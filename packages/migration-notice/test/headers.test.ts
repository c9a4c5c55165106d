import { describe, expect, it } from 'vitest';
import {
  buildDeprecationHeaders,
  deprecatedOperation,
  deprecationDate,
  parseDeprecationHeader,
  parseLinkHeader,
  parseSunsetHeader,
  readDeprecationSignal,
  replacementOperation,
  restoreJobPolls,
  sunsetDate,
} from '../src/index.ts';

describe('buildDeprecationHeaders', () => {
  it('defaults: Atlas-style HTTP-dates, the documented deprecation day, x-sunset, both links', () => {
    expect(buildDeprecationHeaders()).toEqual({
      Deprecation: 'Mon, 30 Jun 2025 00:00:00 GMT',
      Sunset: 'Thu, 22 Jan 2026 00:00:00 GMT',
      Link: `<${replacementOperation.docsUrl}>; rel="successor-version", <${deprecatedOperation.docsUrl}>; rel="deprecation"`,
    });
  });

  it('writes the Atlas form with an unpadded day', () => {
    const h = buildDeprecationHeaders({
      deprecatedAt: new Date('2023-02-01T00:00:00Z'),
      sunset: new Date('2023-03-05T00:00:00Z'),
    });
    expect(h.Deprecation).toBe('Wed, 1 Feb 2023 00:00:00 GMT');
    expect(h.Sunset).toBe('Sun, 5 Mar 2023 00:00:00 GMT');
  });

  it('writes IMF-fixdate in the http-date form', () => {
    const h = buildDeprecationHeaders({ deprecatedAt: new Date('2023-02-01T00:00:00Z'), form: 'http-date' });
    expect(h.Deprecation).toBe('Wed, 01 Feb 2023 00:00:00 GMT');
    expect(h.Sunset).toBe('Thu, 22 Jan 2026 00:00:00 GMT');
  });

  it('writes an RFC 9745 structured date in the rfc9745 form (Sunset stays an HTTP-date)', () => {
    const h = buildDeprecationHeaders({ deprecatedAt: new Date('2023-02-01T00:00:00Z'), form: 'rfc9745' });
    expect(h.Deprecation).toBe('@1675209600');
    expect(h.Sunset).toBe('Thu, 22 Jan 2026 00:00:00 GMT');
  });

  it('links the tenant poll to its own docs and its flex successor', () => {
    const h = buildDeprecationHeaders({ operationId: restoreJobPolls.tenant.operationId });
    expect(h.Link).toBe(
      `<${restoreJobPolls.tenant.successorDocsUrl}>; rel="successor-version", <${restoreJobPolls.tenant.docsUrl}>; rel="deprecation"`,
    );
    expect(h.Link).toMatch(/operation\/getFlexBackupRestoreJob>; rel="successor-version"/);
    expect(h.Sunset).toBe(buildDeprecationHeaders().Sunset);
  });

  it('rejects bad input with a clear message', () => {
    expect(() =>
      buildDeprecationHeaders({ operationId: 'downloadFlexBackup' as 'downloadClusterBackupTenant' }),
    ).toThrow(
      /operationId must be one of downloadClusterBackupTenant, getBackupTenantRestore, got "downloadFlexBackup"/,
    );
    expect(() => buildDeprecationHeaders({ operationId: 'toString' as 'downloadClusterBackupTenant' })).toThrow(
      /operationId must be/,
    );
    expect(() => buildDeprecationHeaders({ deprecatedAt: new Date('x'), form: 'rfc9745' })).toThrow(
      /deprecatedAt must be a valid Date/,
    );
    expect(() => buildDeprecationHeaders({ sunset: new Date('x') })).toThrow(/expected a valid Date/);
    expect(() => buildDeprecationHeaders({ form: 'iso' as 'atlas' })).toThrow(/form must be/);
  });

  it('round-trips through readDeprecationSignal in every form', () => {
    for (const form of ['atlas', 'http-date', 'rfc9745'] as const) {
      const signal = readDeprecationSignal(new Headers(buildDeprecationHeaders({ form })));
      expect(signal, form).toEqual({
        deprecation: deprecationDate,
        sunset: sunsetDate,
        successor: replacementOperation.docsUrl,
        deprecationDocs: deprecatedOperation.docsUrl,
        problems: [],
      });
    }
  });
});

describe('parseDeprecationHeader', () => {
  it('reads Atlas HTTP-dates (one-digit day) and IMF-fixdate', () => {
    expect(parseDeprecationHeader('Wed, 1 Feb 2023 00:00:00 GMT')).toEqual({
      ok: true,
      date: new Date('2023-02-01T00:00:00Z'),
      form: 'http-date',
    });
    expect(parseDeprecationHeader('Wed, 01 Feb 2023 00:00:00 GMT')).toMatchObject({ ok: true, form: 'http-date' });
  });

  it('reads RFC 9745 @epoch, with or without parameters', () => {
    expect(parseDeprecationHeader('@1675209600')).toEqual({
      ok: true,
      date: new Date('2023-02-01T00:00:00Z'),
      form: 'rfc9745',
    });
    expect(parseDeprecationHeader(' @1675209600;foo=1 ')).toMatchObject({ ok: true, form: 'rfc9745' });
    expect(parseDeprecationHeader('@-86400')).toMatchObject({ ok: true, date: new Date('1969-12-31T00:00:00Z') });
  });

  it('missing vs unparseable, never a throw', () => {
    expect(parseDeprecationHeader(null)).toEqual({ ok: false, reason: 'missing' });
    expect(parseDeprecationHeader(undefined)).toEqual({ ok: false, reason: 'missing' });
    for (const raw of [
      '',
      'true',
      'soon',
      '@',
      '@12.5',
      '@1234567890123456',
      '2023-02-01',
      'Thu, 1 Feb 2023 00:00:00 GMT',
    ]) {
      const r = parseDeprecationHeader(raw);
      expect(r, raw).toMatchObject({ ok: false, reason: 'unparseable', raw });
      expect(!r.ok && r.detail, raw).toBeTruthy();
    }
    expect(parseDeprecationHeader('true')).toMatchObject({
      detail: expect.stringMatching(/draft form "true" carries no date/),
    });
    expect(parseDeprecationHeader(42 as unknown as string)).toMatchObject({ ok: false, reason: 'unparseable' });
  });

  it('reports an @epoch beyond the range of dates instead of returning an Invalid Date', () => {
    for (const raw of ['@99999999999999', '@-99999999999999', '@999999999999999', '@8640000000001']) {
      const r = parseDeprecationHeader(raw);
      expect(r, raw).toMatchObject({ ok: false, reason: 'unparseable', raw });
      expect(!r.ok && r.detail, raw).toMatch(/out of the range of dates/);
    }
    // The last second a Date holds is still a date.
    expect(parseDeprecationHeader('@8640000000000')).toEqual({
      ok: true,
      date: new Date(8_640_000_000_000_000),
      form: 'rfc9745',
    });
  });

  it('reads the tolerated HTTP-date variants (spaces, case, UTC)', () => {
    expect(parseDeprecationHeader('wed,  1 feb 2023 00:00:00 utc')).toEqual({
      ok: true,
      date: new Date('2023-02-01T00:00:00Z'),
      form: 'http-date',
    });
  });

  it('a date header never succeeds with an Invalid Date, whatever it is given', () => {
    const inputs = ['@99999999999999', '@1e3', 'Wed, 01 Feb 99999 00:00:00 GMT', 'Wed, 00 Feb 2023 00:00:00 GMT'];
    for (const raw of inputs) {
      for (const parse of [parseDeprecationHeader, parseSunsetHeader]) {
        const r = parse(raw);
        if (r.ok) expect(Number.isNaN(r.date.getTime()), raw).toBe(false);
        else expect(r.reason, raw).toBe('unparseable');
      }
    }
  });
});

describe('parseSunsetHeader', () => {
  it('reads an HTTP-date', () => {
    expect(parseSunsetHeader('Thu, 22 Jan 2026 00:00:00 GMT')).toEqual({
      ok: true,
      date: sunsetDate,
      form: 'http-date',
    });
  });
  it('does not accept the RFC 9745 form (RFC 8594 has only HTTP-date)', () => {
    expect(parseSunsetHeader('@1769040000')).toMatchObject({ ok: false, reason: 'unparseable', raw: '@1769040000' });
  });
  it('missing vs unparseable', () => {
    expect(parseSunsetHeader(null)).toEqual({ ok: false, reason: 'missing' });
    expect(parseSunsetHeader('2026-01-22')).toMatchObject({ ok: false, reason: 'unparseable', raw: '2026-01-22' });
  });
});

describe('parseLinkHeader', () => {
  it('reads the links the builder writes, in order', () => {
    expect(
      parseLinkHeader('<https://a.example/new>; rel="successor-version", <https://a.example/dep>; rel="deprecation"'),
    ).toEqual({
      ok: true,
      links: [
        { uri: 'https://a.example/new', rel: ['successor-version'], params: {} },
        { uri: 'https://a.example/dep', rel: ['deprecation'], params: {} },
      ],
    });
  });

  it('joins space-separated relations into one link and keeps other attributes', () => {
    expect(parseLinkHeader('<https://x.example/d>; rel="Deprecation alternate"; type="text/html"')).toEqual({
      ok: true,
      links: [{ uri: 'https://x.example/d', rel: ['deprecation', 'alternate'], params: { type: 'text/html' } }],
    });
  });

  it('accepts unquoted rel and an empty header', () => {
    expect(parseLinkHeader('<https://x.example/>; rel=deprecation')).toMatchObject({
      ok: true,
      links: [{ rel: ['deprecation'] }],
    });
    // `Link = #link-value`: an empty list is valid.
    expect(parseLinkHeader('')).toEqual({ ok: true, links: [] });
    expect(parseLinkHeader('   ')).toEqual({ ok: true, links: [] });
  });

  it('an empty or missing rel is unparseable, not a link with rel [""]', () => {
    for (const [raw, detail] of [
      ['<a>; rel=', /link <a> has an empty rel/],
      ['<a>; rel=""', /link <a> has an empty rel/],
      ['<a>; rel="   "', /link <a> has an empty rel/],
      ['<a>', /link <a> has no rel parameter/],
      ['<a>; type="text/html"', /link <a> has no rel parameter/],
      ['<https://n.example/>; rel="successor-version", <b>; rel=', /link <b> has an empty rel/],
      ['<a>; rel=;type=x', /";type=x" as rel, which is no relation type/],
    ] as const) {
      const r = parseLinkHeader(raw);
      expect(r, raw).toMatchObject({ ok: false, reason: 'unparseable', raw });
      expect(!r.ok && r.detail, raw).toMatch(detail);
    }
  });

  it('tolerates runs of spaces between relation types', () => {
    expect(parseLinkHeader('<https://x.example/d>; rel="deprecation  alternate"')).toEqual({
      ok: true,
      links: [{ uri: 'https://x.example/d', rel: ['deprecation', 'alternate'], params: {} }],
    });
    expect(parseLinkHeader('<https://x.example/d>; rel=" deprecation "')).toMatchObject({
      ok: true,
      links: [{ rel: ['deprecation'] }],
    });
  });

  it('missing vs unparseable, never a throw', () => {
    expect(parseLinkHeader(null)).toEqual({ ok: false, reason: 'missing' });
    for (const raw of ['garbage', '<https://unterminated', 'https://x; rel=y', '<https://x>; rel="a", garbage']) {
      const r = parseLinkHeader(raw);
      expect(r, raw).toMatchObject({ ok: false, reason: 'unparseable', raw });
    }
  });
});

describe('readDeprecationSignal', () => {
  it('returns null when the response says nothing about deprecation', () => {
    expect(readDeprecationSignal(new Headers())).toBeNull();
    expect(readDeprecationSignal(new Headers({ Link: '<https://x.example/?page=2>; rel="next"' }))).toBeNull();
    // A broken Link alone is no deprecation signal.
    expect(readDeprecationSignal(new Headers({ Link: 'garbage' }))).toBeNull();
  });

  it('reads Atlas-style headers', () => {
    expect(
      readDeprecationSignal(
        new Headers({ Deprecation: 'Wed, 1 Feb 2023 00:00:00 GMT', Sunset: 'Thu, 22 Jan 2026 00:00:00 GMT' }),
      ),
    ).toEqual({ deprecation: new Date('2023-02-01T00:00:00Z'), sunset: sunsetDate, problems: [] });
  });

  it('lists unparseable headers as problems instead of throwing', () => {
    const signal = readDeprecationSignal(new Headers({ Deprecation: 'soon', Sunset: 'tomorrow', Link: 'garbage' }));
    expect(signal?.deprecation).toBeUndefined();
    expect(signal?.sunset).toBeUndefined();
    expect(signal?.problems).toHaveLength(3);
    expect(signal?.problems[0]).toMatch(/^Deprecation header unparseable \("soon"\): /);
    expect(signal?.problems[1]).toMatch(/^Sunset header unparseable \("tomorrow"\): /);
    expect(signal?.problems[2]).toMatch(/^Link header unparseable \("garbage"\): /);
  });

  it('null, undefined or a non-object is no signal, never a throw', () => {
    for (const input of [undefined, null, 'Deprecation: @1', 42, true]) {
      expect(() => readDeprecationSignal(input as unknown as Headers), String(input)).not.toThrow();
      expect(readDeprecationSignal(input as unknown as Headers), String(input)).toBeNull();
    }
  });

  it('reports a Link without rel next to a Deprecation header instead of throwing', () => {
    const signal = readDeprecationSignal(new Headers({ Deprecation: '@1675209600', Link: '<https://n.example/>' }));
    expect(signal).toEqual({
      deprecation: new Date('2023-02-01T00:00:00Z'),
      problems: ['Link header unparseable ("<https://n.example/>"): link <https://n.example/> has no rel parameter'],
    });
  });

  it('an out-of-range @epoch is a problem, not an Invalid Date', () => {
    const signal = readDeprecationSignal({ Deprecation: '@99999999999999' });
    expect(signal?.deprecation).toBeUndefined();
    expect(signal?.problems).toEqual([expect.stringMatching(/^Deprecation header unparseable .*out of the range/)]);
  });

  it('a deprecation link alone is a signal', () => {
    expect(readDeprecationSignal(new Headers({ Link: '<https://d.example/>; rel="deprecation"' }))).toEqual({
      deprecationDocs: 'https://d.example/',
      problems: [],
    });
  });

  it('accepts a plain header record (any case, array values)', () => {
    expect(
      readDeprecationSignal({
        deprecation: '@1675209600',
        SUNSET: ['Thu, 22 Jan 2026 00:00:00 GMT'],
        link: ['<https://n.example/>; rel="successor-version"', '<https://d.example/>; rel="deprecation"'],
        'content-type': undefined,
      }),
    ).toEqual({
      deprecation: new Date('2023-02-01T00:00:00Z'),
      sunset: sunsetDate,
      successor: 'https://n.example/',
      deprecationDocs: 'https://d.example/',
      problems: [],
    });
  });
});
