// The finished download: which API served it, the link (signed query hidden) and its expiry.
import type { SnapshotDownloadOutcome } from '@atlas-kit/client';
import type { Locale } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';
import type { Labels } from './labels.ts';

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
  const expiry = o.expirationDate ? new Date(o.expirationDate) : undefined;
  const when =
    expiry && !Number.isNaN(expiry.getTime())
      ? new Intl.DateTimeFormat(locale, {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'UTC',
          hourCycle: 'h23',
        }).format(expiry)
      : undefined;
  return [
    h('p', { class: 'route', 'data-route': o.route.reason }, l.route[o.route.reason]),
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
    h(
      'p',
      { id: expiryId, class: 'expiry' },
      when && expiry ? h('time', { datetime: expiry.toISOString() }, l.expires(when)) : l.noExpiry,
    ),
  ];
}
