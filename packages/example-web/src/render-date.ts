// Beside the scenario picker: the date the mocked Atlas believes it is, so that the banner's
// "in 30 days" or "was sunset" reads against the day it was computed for — and the client's date
// when the scenario gives the client another one (after the sunset, on purpose).
import type { Locale } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';
import type { Labels } from './labels.ts';

function day(d: Date, locale: Locale): HTMLTimeElement {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  return h('time', { datetime: d.toISOString().slice(0, 10) }, text);
}

export function simulatedDateContent(atlas: Date, client: Date, l: Labels, locale: Locale): (Node | string)[] {
  const sameDay = atlas.toISOString().slice(0, 10) === client.toISOString().slice(0, 10);
  return [l.simulatedDate, ' ', day(atlas, locale), ...(sameDay ? [] : [' ', l.clientDate, ' ', day(client, locale)])];
}
