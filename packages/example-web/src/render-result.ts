// The finished download: which API served it, which snapshot when the page looked it up, the link
// (signed query hidden) and its expiry.
import type { SnapshotDownloadOutcome } from '@atlas-kit/client';
import type { Locale } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';
import type { Labels } from './labels.ts';
import { snapshotFacts } from './render-snapshot.ts';
import { utcTime } from './utc-time.ts';

/** A signed download URL's query is a credential: show where it points, not the signature. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return url;
  }
}

/** The result section's content below its heading; `expiryId` describes the link. */
export function resultBody(o: SnapshotDownloadOutcome, l: Labels, locale: Locale, expiryId: string): HTMLElement[] {
  const expiry = utcTime(o.expirationDate, locale, l.expires);
  return [
    h('p', { class: 'route', 'data-route': o.route.reason }, l.route[o.route.reason]),
    // Which snapshot the page found, when it looked one up (with a typed ID, the person knows).
    ...(o.route.reason === 'latest-snapshot' && o.snapshotId
      ? [h('p', { class: 'snapshot' }, ...snapshotFacts(o, l.downloadedSnapshot, l, locale))]
      : []),
    h(
      'p',
      { class: 'link' },
      h(
        'a',
        { href: o.snapshotUrl, download: true, rel: 'noopener noreferrer', 'aria-describedby': expiryId },
        l.download,
      ),
      h('code', {}, shownUrl(o.snapshotUrl)),
    ),
    h('p', { id: expiryId, class: 'expiry' }, expiry ?? l.noExpiry),
  ];
}
