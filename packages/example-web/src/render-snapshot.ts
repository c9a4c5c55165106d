// Which snapshot a download was made from, in the timeline and in the result, when the page looked
// it up rather than sending a typed ID.
import type { Locale } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';
import type { Labels } from './labels.ts';
import { utcTime } from './utc-time.ts';

/**
 * "Snapshot: <id>, finished on … (UTC)" — the restore job names the snapshot it was made from
 * (`snapshotId`) and when that snapshot finished (`snapshotFinishedDate`).
 */
export function snapshotFacts(
  job: { snapshotId?: string; snapshotFinishedDate?: string },
  lead: string,
  l: Labels,
  locale: Locale,
): (Node | string)[] {
  const finished = utcTime(job.snapshotFinishedDate, locale, l.snapshotFinished);
  return [
    `${lead} `,
    h('code', { class: 'snapshot-id' }, job.snapshotId ?? ''),
    ...(finished ? [l.comma, finished] : []),
  ];
}
