// Deprecation signal headers: the mocks build them, the client reads them.
//   Deprecation  RFC 9745 (`@<epoch seconds>`); Atlas sends an HTTP-date instead, e.g.
//                `Wed, 1 Feb 2023 00:00:00 GMT` (one-digit day). Both are read.
//   Sunset       RFC 8594, an HTTP-date.
//   Link         RFC 8288, with rel="successor-version" (RFC 5829) and rel="deprecation" (RFC 9745).
import LinkHeader from 'http-link-header';
import { deprecatedOperation, deprecationDate, replacementOperation, restoreJobPolls, sunsetDate } from './facts.ts';
import { formatAtlasHttpDate, formatHttpDate, parseHttpDate } from './http-date.ts';

export type DateHeaderResult =
  | { ok: true; date: Date; form: 'http-date' | 'rfc9745' }
  | { ok: false; reason: 'missing' | 'unparseable'; raw?: string; detail?: string };

export interface ParsedLink {
  uri: string;
  /** Relation types, lower-cased (RFC 8288: they compare case-insensitively). */
  rel: string[];
  /** Other target attributes, e.g. `type`. */
  params: Record<string, string>;
}

export type LinkHeaderResult =
  | { ok: true; links: ParsedLink[] }
  | { ok: false; reason: 'missing' | 'unparseable'; raw?: string; detail?: string };

export type DeprecationHeaderName = 'Deprecation' | 'Sunset' | 'Link';

export interface BuildDeprecationHeadersOptions {
  /** Default: `deprecationDate` (the overlay's `deprecatedSince`, see facts.ts). */
  deprecatedAt?: Date;
  /** Default: `sunsetDate` (x-sunset of the pinned fragment). */
  sunset?: Date;
  /**
   * How the Deprecation date is written. 'atlas' (default): HTTP-date with an unpadded day, as
   * Atlas sends it; 'http-date': IMF-fixdate; 'rfc9745': `@<epoch seconds>`. Sunset is always an
   * HTTP-date (RFC 8594 knows no other form), unpadded in the 'atlas' form.
   */
  form?: 'atlas' | 'http-date' | 'rfc9745';
  /**
   * Which deprecated operation answers: the download (default) or its tenant poll. Only the Link
   * targets differ: each operation links its own docs page (rel="deprecation") and the page its
   * externalDocs names as successor (rel="successor-version").
   */
  operationId?: DeprecatedOperationId;
}

export type DeprecatedOperationId = typeof deprecatedOperation.operationId | typeof restoreJobPolls.tenant.operationId;

const links: Record<DeprecatedOperationId, { successor: string; deprecation: string }> = {
  [deprecatedOperation.operationId]: {
    successor: replacementOperation.docsUrl,
    deprecation: deprecatedOperation.docsUrl,
  },
  [restoreJobPolls.tenant.operationId]: {
    successor: restoreJobPolls.tenant.successorDocsUrl,
    deprecation: restoreJobPolls.tenant.docsUrl,
  },
};

/** The three headers a deprecated operation answers with. */
export function buildDeprecationHeaders(
  options: BuildDeprecationHeadersOptions = {},
): Record<DeprecationHeaderName, string> {
  const { deprecatedAt = deprecationDate, sunset = sunsetDate, form = 'atlas', operationId } = options;
  const key = operationId ?? deprecatedOperation.operationId;
  if (!Object.hasOwn(links, key)) {
    throw new TypeError(
      `buildDeprecationHeaders: operationId must be one of ${Object.keys(links).join(', ')}, got ${JSON.stringify(operationId)}`,
    );
  }
  const target = links[key];
  const httpDate = form === 'atlas' ? formatAtlasHttpDate : formatHttpDate;
  let deprecation: string;
  if (form === 'rfc9745') {
    if (!(deprecatedAt instanceof Date) || Number.isNaN(deprecatedAt.getTime())) {
      throw new TypeError(`buildDeprecationHeaders: deprecatedAt must be a valid Date, got ${String(deprecatedAt)}`);
    }
    deprecation = `@${Math.floor(deprecatedAt.getTime() / 1000)}`;
  } else if (form === 'atlas' || form === 'http-date') {
    deprecation = httpDate(deprecatedAt);
  } else {
    throw new TypeError(
      `buildDeprecationHeaders: form must be 'atlas', 'http-date' or 'rfc9745', got ${JSON.stringify(form)}`,
    );
  }
  return {
    Deprecation: deprecation,
    Sunset: httpDate(sunset),
    Link: `<${target.successor}>; rel="successor-version", <${target.deprecation}>; rel="deprecation"`,
  };
}

// RFC 9745 §2.1: the value is a Structured Field Date, `@` then an sf-integer (at most 15 digits).
// Parameters (`;key=value`) are allowed on an Item; they carry nothing we use, so they are skipped.
const sfDate = /^@(-?\d{1,15})(?:\s*;.*)?$/;

function parseDateHeader(value: string | null | undefined, allowSfDate: boolean): DateHeaderResult {
  if (value === null || value === undefined) return { ok: false, reason: 'missing' };
  if (typeof value !== 'string') return { ok: false, reason: 'unparseable', detail: `not a string: ${typeof value}` };
  const v = value.trim();
  if (allowSfDate) {
    const m = sfDate.exec(v);
    if (m) {
      // 15 digits of seconds reach far beyond what a Date holds (±8.64e15 ms, about ±275 000 years):
      // such a value is reported, never returned as an Invalid Date.
      const date = new Date(Number(m[1]) * 1000);
      if (Number.isNaN(date.getTime())) {
        return {
          ok: false,
          reason: 'unparseable',
          raw: value,
          detail: `@${m[1]} is out of the range of dates (±8640000000000 seconds from 1970)`,
        };
      }
      return { ok: true, date, form: 'rfc9745' };
    }
    if (v.toLowerCase() === 'true') {
      return {
        ok: false,
        reason: 'unparseable',
        raw: value,
        detail: 'the draft form "true" carries no date (RFC 9745 wants @<epoch seconds>)',
      };
    }
  }
  const parsed = parseHttpDate(v);
  if (parsed.ok) return { ok: true, date: parsed.date, form: 'http-date' };
  const expected = allowSfDate ? `${parsed.detail}; nor an RFC 9745 date like "@1675209600"` : parsed.detail;
  return { ok: false, reason: 'unparseable', raw: value, detail: expected };
}

/** Reads `Deprecation` (RFC 9745 `@epoch` or Atlas's HTTP-date). Never throws. */
export function parseDeprecationHeader(value: string | null | undefined): DateHeaderResult {
  return parseDateHeader(value, true);
}

/** Reads `Sunset` (RFC 8594 HTTP-date). Never throws. */
export function parseSunsetHeader(value: string | null | undefined): DateHeaderResult {
  return parseDateHeader(value, false);
}

// RFC 8288 §3.3: a relation type is a reg-rel-type (LOALPHA …) or a URI (scheme: ALPHA …), so it
// starts with a letter. http-link-header keeps whatever follows `rel=` (`rel=;type=x` gives the
// relation ";type=x"), hence this check.
const relationType = /^[A-Za-z]/;

/**
 * Reads a `Link` header with http-link-header (RFC 8288 parser; it throws on malformed input,
 * which is turned into an 'unparseable' result here). A `rel="a b"` link comes back from the
 * library as one ref per relation; they are joined again into one link. A link-value without a
 * relation (no `rel`, `rel=`, `rel=""`) or with a relation that is no relation type makes the
 * whole header 'unparseable': RFC 8288 §3.3 requires one. Never throws.
 */
export function parseLinkHeader(value: string | null | undefined): LinkHeaderResult {
  if (value === null || value === undefined) return { ok: false, reason: 'missing' };
  if (typeof value !== 'string') return { ok: false, reason: 'unparseable', detail: `not a string: ${typeof value}` };
  let refs: LinkHeader.Reference[];
  try {
    refs = LinkHeader.parse(value).refs;
  } catch (error) {
    return {
      ok: false,
      reason: 'unparseable',
      raw: value,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  if (value.trim() !== '' && refs.length === 0) {
    return { ok: false, reason: 'unparseable', raw: value, detail: 'no link-value found' };
  }
  const links: ParsedLink[] = [];
  for (const { uri, rel, ...rest } of refs) {
    if (typeof rel !== 'string') {
      return { ok: false, reason: 'unparseable', raw: value, detail: `link <${uri}> has no rel parameter` };
    }
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(rest)) if (typeof v === 'string') params[k] = v;
    const previous = links.at(-1);
    // Refs split from one link-value share the uri and every other attribute. The library splits
    // `rel` on each single space, so `rel="a  b"` also yields an empty relation: dropped below,
    // unless it is all the link has.
    const relations = rel === '' ? [] : [rel.toLowerCase()];
    if (previous && previous.uri === uri && JSON.stringify(previous.params) === JSON.stringify(params)) {
      previous.rel.push(...relations);
    } else {
      links.push({ uri, rel: relations, params });
    }
  }
  for (const link of links) {
    if (link.rel.length === 0) {
      return { ok: false, reason: 'unparseable', raw: value, detail: `link <${link.uri}> has an empty rel` };
    }
    const bad = link.rel.find((r) => !relationType.test(r));
    if (bad !== undefined) {
      return {
        ok: false,
        reason: 'unparseable',
        raw: value,
        detail: `link <${link.uri}> has ${JSON.stringify(bad)} as rel, which is no relation type`,
      };
    }
  }
  return { ok: true, links };
}

export interface DeprecationSignal {
  deprecation?: Date;
  sunset?: Date;
  /** Target of the rel="successor-version" link. */
  successor?: string;
  /** Target of the rel="deprecation" link (documentation of the deprecation). */
  deprecationDocs?: string;
  /** Headers that were present but unreadable, one sentence each. */
  problems: string[];
}

type HeaderSource = Headers | Record<string, string | string[] | undefined | null>;

function headerGetter(headers: HeaderSource): (name: string) => string | null {
  if (typeof (headers as Headers).get === 'function') return (name) => (headers as Headers).get(name);
  const record = headers as Record<string, string | string[] | undefined | null>;
  return (name) => {
    const lower = name.toLowerCase();
    const values = Object.entries(record)
      .filter(([k, v]) => k.toLowerCase() === lower && v !== undefined && v !== null)
      .flatMap(([, v]) => (Array.isArray(v) ? v : [v as string]));
    return values.length === 0 ? null : values.join(', ');
  };
}

/**
 * Everything a response says about deprecation, or null when it says nothing (no Deprecation,
 * no Sunset, no deprecation/successor-version link). Unreadable headers are listed in
 * `problems` rather than thrown. Accepts a fetch `Headers` or a plain header record; null,
 * undefined or a non-object gives null. Never throws.
 */
export function readDeprecationSignal(headers: HeaderSource | null | undefined): DeprecationSignal | null {
  // A caller passing `response?.headers` of a failed request, or something that is no header
  // set at all, gets "no signal", never a TypeError.
  if (headers === null || headers === undefined || typeof headers !== 'object') return null;
  const get = headerGetter(headers);
  const signal: DeprecationSignal = { problems: [] };
  let present = false;
  const describe = (name: string, r: { raw?: string; detail?: string }) =>
    `${name} header unparseable${r.raw === undefined ? '' : ` (${JSON.stringify(r.raw)})`}${r.detail ? `: ${r.detail}` : ''}`;

  const deprecation = parseDeprecationHeader(get('Deprecation'));
  if (deprecation.ok) signal.deprecation = deprecation.date;
  if (deprecation.ok || deprecation.reason === 'unparseable') present = true;
  if (!deprecation.ok && deprecation.reason === 'unparseable')
    signal.problems.push(describe('Deprecation', deprecation));

  const sunset = parseSunsetHeader(get('Sunset'));
  if (sunset.ok) signal.sunset = sunset.date;
  if (sunset.ok || sunset.reason === 'unparseable') present = true;
  if (!sunset.ok && sunset.reason === 'unparseable') signal.problems.push(describe('Sunset', sunset));

  const link = parseLinkHeader(get('Link'));
  if (link.ok) {
    for (const l of link.links) {
      if (l.rel.includes('successor-version') && signal.successor === undefined) signal.successor = l.uri;
      if (l.rel.includes('deprecation') && signal.deprecationDocs === undefined) signal.deprecationDocs = l.uri;
    }
    if (signal.successor !== undefined || signal.deprecationDocs !== undefined) present = true;
  } else if (link.reason === 'unparseable') {
    // An unreadable Link alone is no deprecation signal (Link also carries paging and more),
    // but next to a Deprecation or Sunset header it is worth reporting.
    signal.problems.push(describe('Link', link));
  }
  return present ? signal : null;
}
