// The deprecation/migration banner. Every word and date comes from @atlas-kit/migration-notice's
// noticeData(); this file only lays it out.
import { type Locale, noticeData } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';

/** Plain text with its URLs turned into links (the notice's docs paragraph carries the URL). */
export function linkified(text: string): (Node | string)[] {
  const parts: (Node | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s)）]+/g)) {
    const url = m[0].replace(/[.,;:。，]+$/, '');
    parts.push(text.slice(last, m.index));
    parts.push(h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url));
    last = m.index + url.length;
  }
  parts.push(text.slice(last));
  return parts.filter((p) => p !== '');
}

/** Fills `banner` with the notice for `locale` as of `now`; `titleId` labels the section. */
export function renderNotice(banner: HTMLElement, locale: Locale, now: Date, titleId: string): void {
  const n = noticeData({ locale, now });
  banner.dataset.phase = n.phase;
  banner.setAttribute('lang', n.locale);
  banner.replaceChildren(
    h('h2', { id: titleId }, n.title),
    h('p', {}, ...linkified(n.paragraphs.status)),
    h('p', { class: 'affected-heading' }, n.affectedHeading),
    h('ul', {}, ...n.affectedTiers.map((tier) => h('li', {}, tier))),
    h('p', {}, ...linkified(n.paragraphs.replacement)),
    h('p', {}, ...linkified(n.paragraphs.docs)),
  );
}
