// HTTP-date (RFC 9110 §5.6.7) formatting and parsing.
//
// Hand-written: /work/.library/env/packages/npm.tsv lists no maintained HTTP-date parser (only
// rfc822-date, 925 downloads/month, format-only), and Date.parse is no substitute: it accepts
// many non-HTTP forms ("2023", "Feb 1 2023", local-time strings) and ignores a wrong weekday,
// so a broken header would be read as some date instead of being reported.

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const longDays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function assertFormattable(d: Date, fn: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new TypeError(`${fn}: expected a valid Date, got ${String(d)}`);
  }
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`${fn}: an HTTP-date holds years 0000-9999, got ${year}`);
}

function parts(d: Date) {
  return {
    weekday: days[d.getUTCDay()] as string,
    day: d.getUTCDate(),
    month: months[d.getUTCMonth()] as string,
    year: pad(d.getUTCFullYear(), 4),
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  };
}

/** IMF-fixdate, the preferred HTTP-date form: `Wed, 01 Feb 2023 00:00:00 GMT`. */
export function formatHttpDate(d: Date): string {
  assertFormattable(d, 'formatHttpDate');
  const p = parts(d);
  return `${p.weekday}, ${pad(p.day)} ${p.month} ${p.year} ${p.time} GMT`;
}

/**
 * The HTTP-date as Atlas writes it in its Deprecation/Sunset headers: IMF-fixdate with the day of
 * month unpadded, `Wed, 1 Feb 2023 00:00:00 GMT`. Not strictly IMF-fixdate (which wants 2DIGIT);
 * the mocks send it to imitate Atlas, and the parser accepts it.
 */
export function formatAtlasHttpDate(d: Date): string {
  assertFormattable(d, 'formatAtlasHttpDate');
  const p = parts(d);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.time} GMT`;
}

export type HttpDateParse = { ok: true; date: Date } | { ok: false; detail: string };

// Tolerant forms of the three grammars: wherever RFC 9110 puts one SP, a run of spaces/tabs (and
// none at all after the comma) is accepted; names match in any case (the `i` flag), and the zone
// may be written `UTC`, which means the same as `GMT` here. Anything else (ISO 8601, numeric
// zones, other zone names, missing parts) still fails, and build() still checks the weekday.
const imfFixdate =
  /^([a-z]{3})[ \t]*,[ \t]*(\d{1,2})[ \t]+([a-z]{3})[ \t]+(\d{4})[ \t]+(\d{2}):(\d{2}):(\d{2})[ \t]+(?:GMT|UTC)$/i;
const rfc850 = /^([a-z]{6,9})[ \t]*,[ \t]*(\d{2})-([a-z]{3})-(\d{2})[ \t]+(\d{2}):(\d{2}):(\d{2})[ \t]+(?:GMT|UTC)$/i;
const asctime = /^([a-z]{3})[ \t]+([a-z]{3})[ \t]+(\d{1,2})[ \t]+(\d{2}):(\d{2}):(\d{2})[ \t]+(\d{4})$/i;

const indexOf = (list: readonly string[], name: string) =>
  list.findIndex((entry) => entry.toLowerCase() === name.toLowerCase());

function build(
  weekday: string,
  weekdays: readonly string[],
  year: number,
  monthName: string,
  day: number,
  hh: number,
  mm: number,
  ss: number,
): HttpDateParse {
  const month = indexOf(months, monthName);
  if (month < 0) return { ok: false, detail: `unknown month "${monthName}"` };
  // RFC 9110 allows second 60 (leap second); JavaScript dates have none, so it reads as :59.
  if (hh > 23 || mm > 59 || ss > 60) return { ok: false, detail: 'time of day out of range' };
  const date = new Date(Date.UTC(year, month, day, hh, mm, Math.min(ss, 59)));
  date.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) {
    return { ok: false, detail: `no such day: ${day} ${monthName} ${year}` };
  }
  const wd = indexOf(weekdays, weekday);
  if (wd < 0) return { ok: false, detail: `unknown weekday "${weekday}"` };
  if (wd !== date.getUTCDay()) {
    return {
      ok: false,
      detail: `weekday "${weekday}" does not match ${day} ${monthName} ${year} (a ${longDays[date.getUTCDay()]})`,
    };
  }
  return { ok: true, date };
}

/**
 * Parses an HTTP-date in any of the three forms a recipient must accept (RFC 9110 §5.6.7):
 * IMF-fixdate (also with a one-digit day, as Atlas sends it), obsolete RFC 850 and asctime.
 * Tolerant of the usual variants: runs of spaces or tabs between the parts, weekday, month and
 * `GMT` in any case, `UTC` for `GMT`. The weekday must fit the date; other formats (ISO 8601,
 * numeric or other zones) are reported. Never throws.
 */
export function parseHttpDate(value: string): HttpDateParse {
  if (typeof value !== 'string') return { ok: false, detail: `not a string: ${typeof value}` };
  const v = value.trim();
  let m = imfFixdate.exec(v);
  if (m) {
    const [, wd, d, mon, y, hh, mm, ss] = m as unknown as string[];
    return build(wd as string, days, Number(y), mon as string, Number(d), Number(hh), Number(mm), Number(ss));
  }
  m = rfc850.exec(v);
  if (m) {
    const [, wd, d, mon, yy, hh, mm, ss] = m as unknown as string[];
    // RFC 9110: a two-digit year that looks more than 50 years in the future is in the past century.
    const thisYear = new Date().getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (year > thisYear + 50) year -= 100;
    return build(wd as string, longDays, year, mon as string, Number(d), Number(hh), Number(mm), Number(ss));
  }
  m = asctime.exec(v);
  if (m) {
    const [, wd, mon, d, hh, mm, ss, y] = m as unknown as string[];
    return build(wd as string, days, Number(y), mon as string, Number(d), Number(hh), Number(mm), Number(ss));
  }
  return { ok: false, detail: 'not an HTTP-date (expected e.g. "Wed, 01 Feb 2023 00:00:00 GMT")' };
}
