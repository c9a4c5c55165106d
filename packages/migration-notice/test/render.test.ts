import { stripVTControlCharacters as stripAnsi } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formats, lifecycle, locales, noticeData, renderNotice, replacementOperation } from '../src/index.ts';

// Pinned instants: one before the sunset, one after it.
const pinned = {
  deprecated: new Date('2026-01-10T12:00:00Z'),
  sunset: new Date('2026-03-05T09:00:00Z'),
} as const;

describe('renderNotice — file snapshots', () => {
  for (const [phase, now] of Object.entries(pinned)) {
    for (const locale of locales) {
      for (const format of formats) {
        const ext = format === 'markdown' ? 'md' : 'txt';
        it(`${locale} ${format} (${phase})`, async () => {
          await expect(renderNotice({ locale, format, now })).toMatchFileSnapshot(
            `./__snapshots__/notice.${phase}.${locale}.${format}.${ext}`,
          );
        });
      }
      it(`${locale} json (${phase})`, async () => {
        await expect(`${JSON.stringify(noticeData({ locale, now }), null, 2)}\n`).toMatchFileSnapshot(
          `./__snapshots__/notice.${phase}.${locale}.json`,
        );
      });
    }
  }
});

describe('renderNotice — content', () => {
  it('names the tiers, the sunset, the replacement and its documentation in every locale and format', () => {
    for (const locale of locales) {
      for (const format of formats) {
        const out = stripAnsi(renderNotice({ locale, format, now: pinned.deprecated }));
        expect(out, `${locale}/${format}`).toContain(replacementOperation.operationId);
        expect(out, `${locale}/${format}`).toContain(replacementOperation.path);
        expect(out, `${locale}/${format}`).toContain(replacementOperation.docsUrl);
        expect(out, `${locale}/${format}`).toMatch(/M2/);
        expect(out, `${locale}/${format}`).toMatch(/M5/);
        expect(out, `${locale}/${format}`).toMatch(/createCluster/);
        expect(out, `${locale}/${format}`).toMatch(locale === 'en' ? /January 22, 2026/ : /2026年1月22日/);
        expect(out, `${locale}/${format}`).toMatch(locale === 'en' ? /in 12 days/ : /还剩 12 天/);
      }
    }
  });

  it('defaults to English', () => {
    expect(renderNotice({ format: 'text', now: pinned.deprecated })).toBe(
      renderNotice({ locale: 'en', format: 'text', now: pinned.deprecated }),
    );
  });

  it('text has no markup, ansi has colour, markdown has code spans and a link', () => {
    const text = renderNotice({ format: 'text', now: pinned.deprecated });
    expect(stripAnsi(text)).toBe(text);
    expect(text).not.toContain('`');
    const ansi = renderNotice({ format: 'ansi', now: pinned.deprecated });
    expect(ansi).not.toBe(text);
    expect(stripAnsi(ansi)).toBe(text);
    const md = renderNotice({ format: 'markdown', now: pinned.deprecated });
    expect(md).toContain(`\`${replacementOperation.operationId}\``);
    expect(md).toContain(`](${replacementOperation.docsUrl})`);
  });

  it('follows the lifecycle: singular day, sunset day, after', () => {
    expect(renderNotice({ format: 'text', now: new Date('2026-01-21T08:00:00Z') })).toMatch(/\(in 1 day\)/);
    expect(renderNotice({ format: 'text', now: new Date('2026-01-22T08:00:00Z') })).toMatch(
      /was sunset on January 22, 2026 \(today\)/,
    );
    expect(renderNotice({ format: 'text', locale: 'zh-CN', now: new Date('2026-01-23T08:00:00Z') })).toMatch(
      /已过 1 天/,
    );
  });

  it('rejects an unknown locale or format with a clear message', () => {
    expect(() => renderNotice({ locale: 'fr' as 'en', format: 'text' })).toThrow(
      'Unsupported locale "fr"; supported: en, zh-CN',
    );
    expect(() => renderNotice({ format: 'html' as 'text' })).toThrow(
      'Unsupported format "html"; supported: text, markdown, ansi',
    );
    expect(() => noticeData({ locale: 'de' as 'en' })).toThrow(/Unsupported locale "de"/);
  });
});

describe('noticeData', () => {
  it('is plain JSON and carries the lifecycle, the tiers and both operations', () => {
    const data = noticeData({ locale: 'zh-CN', now: pinned.sunset });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.locale).toBe('zh-CN');
    expect(data.phase).toBe('sunset');
    expect(data.lifecycle).toEqual(lifecycle(pinned.sunset));
    expect(data.sunset).toBe(data.lifecycle.sunset);
    expect(data.affectedTiers).toHaveLength(3);
    expect(data.replacement.docsUrl).toBe(replacementOperation.docsUrl);
    expect(data.deprecated.formerOperationIds).toEqual(['downloadSharedClusterBackup']);
    expect(data.body).toContain(data.affectedTiers[0]);
    expect(data.body.startsWith(data.paragraphs.status)).toBe(true);
  });
});
