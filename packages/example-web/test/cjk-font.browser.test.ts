// 简体中文 must be readable on a machine with only Debian's chromium: each Han character of the
// banner is drawn with the banner's own font and compared with the missing-glyph box. Without a
// CJK font every Han character falls back to the same .notdef box as an unassigned code point.
import { noticeData } from '@atlas-kit/migration-notice';
import { afterEach, expect, test } from 'vitest';
import type { Demo } from '../src/demo.ts';
import { scenarios } from '../src/scenarios.ts';
import { startFast, stopAll } from './helpers.ts';

const demos: Demo[] = [];
afterEach(() => stopAll(demos));

/** U+0378 is unassigned in Unicode: no font has a glyph for it, so it shows the missing-glyph box. */
const UNASSIGNED = '\u0378';

/** The alpha channel of `text` drawn in black at 48 px with `style`'s family and weight. */
function glyphPixels(style: CSSStyleDeclaration, text: string): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 64;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d canvas');
  ctx.font = `${style.fontWeight} 48px ${style.fontFamily}`;
  ctx.textBaseline = 'top';
  ctx.fillText(text, 4, 4);
  const rgba = ctx.getImageData(0, 0, 64, 64).data;
  return rgba.filter((_, i) => i % 4 === 3);
}

const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.length === b.length && a.every((v, i) => v === b[i]);

test('the 简体中文 banner is drawn with CJK glyphs, not missing-glyph boxes', async () => {
  const { root } = await startFast(demos, { locale: 'zh-CN' });
  const heading = root.querySelector<HTMLElement>('.notice h2');
  expect(heading?.textContent).toBe(noticeData({ locale: 'zh-CN', now: scenarios.happy.atlasStart }).title);
  const style = getComputedStyle(heading as HTMLElement);
  const han = [...new Set((heading?.textContent ?? '').match(/\p{Script=Han}/gu) ?? [])];
  expect(han.length).toBeGreaterThanOrEqual(4);

  const box = glyphPixels(style, UNASSIGNED);
  const drawn = han.map((c) => ({ c, pixels: glyphPixels(style, c) }));
  const boxes = drawn.filter((d) => same(d.pixels, box)).map((d) => d.c);
  expect(boxes, 'Han characters drawn as the missing-glyph box: install a CJK font (fonts-wqy-zenhei)').toEqual([]);
  for (const d of drawn)
    expect(
      d.pixels.some((a) => a > 0),
      `${d.c} leaves no ink`,
    ).toBe(true);
  // Distinct characters look distinct (boxes would all look alike).
  const distinct = new Set(drawn.map((d) => d.pixels.join(',')));
  expect(distinct.size).toBe(han.length);
});
