// The restore job's timeline: what happened since the request started, one list item per event.

import type { SnapshotRouteReason, SnapshotStatusEvent } from '@atlas-kit/client';
import type { Locale } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';
import { formatSeconds, type Labels } from './labels.ts';
import { snapshotFacts } from './render-snapshot.ts';

// `ms`: time since the request started. The timeline shows elapsed time rather than a clock time:
// the scenarios run the mock and the client on pinned dates, and "+1.2 s" reads the same in both.
export type Entry =
  | { kind: 'request'; ms: number; operationId: string }
  | { kind: 'status'; ms: number; event: SnapshotStatusEvent }
  | { kind: 'retry'; ms: number; attempt: number; delayMs: number }
  | { kind: 'deprecation'; ms: number; operationId: string; sunset?: string }
  | { kind: 'switch'; ms: number; reason?: SnapshotRouteReason }
  // The snapshot the listing found, as the Flex download answer names it.
  | { kind: 'snapshot'; ms: number; snapshotId: string; snapshotFinishedDate?: string };

function time(ms: number, locale: Locale): HTMLTimeElement {
  const s = Math.max(0, ms) / 1000;
  return h('time', { datetime: `PT${s.toFixed(3)}S` }, `+${formatSeconds(ms, locale)} s`);
}

function item(kind: Entry['kind'], ms: number, locale: Locale, ...content: (Node | string)[]): HTMLLIElement {
  return h(
    'li',
    { class: `entry entry-${kind}`, 'data-kind': kind },
    time(ms, locale),
    h('span', { class: 'what' }, ...content),
  );
}

function renderEntry(e: Entry, l: Labels, locale: Locale): HTMLLIElement {
  switch (e.kind) {
    case 'request':
      return item('request', e.ms, locale, l.requestSent(e.operationId));
    case 'deprecation':
      return item('deprecation', e.ms, locale, l.deprecationHeaders(e.operationId, e.sunset));
    case 'switch':
      return item('switch', e.ms, locale, e.reason ? l.route[e.reason] : l.switchedToFlex);
    case 'snapshot':
      return item('snapshot', e.ms, locale, ...snapshotFacts(e, l.foundSnapshot, l, locale));
    case 'retry':
      return item('retry', e.ms, locale, l.retry(e.attempt, formatSeconds(e.delayMs, locale)));
    case 'status': {
      const li = item(
        'status',
        e.ms,
        locale,
        h('span', { class: `badge badge-${e.event.source}` }, l.source[e.event.source]),
        ' ',
        h('strong', {}, e.event.status),
        ' ',
        h('span', { class: 'muted' }, e.event.poll === 0 ? l.postAnswer : l.poll(e.event.poll)),
      );
      li.classList.add(`status-${e.event.status.toLowerCase()}`);
      li.dataset.status = e.event.status;
      li.dataset.source = e.event.source;
      return li;
    }
  }
}

/** The list items for `entries` (an "empty" item when nothing was sent yet). */
export function timelineItems(entries: readonly Entry[], l: Labels, locale: Locale): HTMLLIElement[] {
  if (entries.length === 0) return [h('li', { class: 'empty' }, l.timelineEmpty)];
  return entries.map((e) => renderEntry(e, l, locale));
}
