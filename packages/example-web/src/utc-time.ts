// A moment Atlas sent (ISO 8601), shown in the page's language and in UTC, the zone Atlas writes
// it in, inside a <time> that keeps the machine-readable value.
import type { Locale } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';

/** `words(when)` in a <time>, or undefined when `iso` is absent or not a date. */
export function utcTime(
  iso: string | undefined,
  locale: Locale,
  words: (when: string) => string,
): HTMLTimeElement | undefined {
  const date = iso === undefined ? undefined : new Date(iso);
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
    hourCycle: 'h23',
  }).format(date);
  return h('time', { datetime: date.toISOString() }, words(when));
}
