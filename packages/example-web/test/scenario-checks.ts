// The checks of every scenario in one language, on a desktop and on a 390 px phone: axe-core finds
// no accessibility violation, the page never scrolls sideways, and a screenshot of each is written.
// One test file per language (scenarios.<locale>.browser.test.ts) calls them: files are what
// vitest runs side by side, so the two languages take one browser page each.
import type { Locale } from '@atlas-kit/migration-notice';
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Demo } from '../src/demo.ts';
import { labels } from '../src/labels.ts';
import { type ScenarioId, scenarioIds } from '../src/scenarios.ts';
import { saveScreenshot, startFast, stopAll } from './helpers.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1100, height: 1300 }; // the viewport of vitest.config.ts

const demos: Demo[] = [];

/** axe-core on the whole document (all default rules: WCAG 2.x A/AA and best practices), as readable lines. */
async function axeViolations(): Promise<string[]> {
  const results = await axe.run(document, { resultTypes: ['violations'] });
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

async function atWidth(width: number, height: number): Promise<void> {
  await page.viewport(width, height);
  // One frame for the layout to settle at the new size.
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

/** The part of the page wider than the viewport (0 when nothing scrolls sideways). */
const overflow = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

/** Defines one test per scenario, in `locale`. */
export function describeScenarios(locale: Locale): void {
  afterEach(async () => {
    await stopAll(demos);
    await page.viewport(DESKTOP.width, DESKTOP.height);
  });
  describe.each(scenarioIds.map((scenario) => [scenario, locale] as [ScenarioId, Locale]))('%s in %s', (scenario) => {
    test('no axe violations, no sideways scrolling at 390 px, before and after the request; screenshots', async () => {
      const { root, demo } = await startFast(demos, { scenario, locale });
      const l = labels[locale];

      // Before the request, axe at 390 px only: the page after the request still holds every element
      // of the fresh one (form, banner, picker) and is checked at both widths below; only the empty
      // timeline line is gone by then. No sideways scrolling at either width.
      for (const size of [DESKTOP, PHONE]) {
        await atWidth(size.width, size.height);
        if (size === PHONE) expect(await axeViolations(), `fresh page at ${size.width} px`).toEqual([]);
        expect(document.documentElement.scrollWidth, `fresh page at ${size.width} px`).toBeLessThanOrEqual(size.width);
      }

      await atWidth(DESKTOP.width, DESKTOP.height);
      await userEvent.click(page.getByRole('button', { name: l.submit }));
      await demo.app.settled();
      expect(root.querySelector('.job [aria-live]')?.textContent, 'the run ended').toMatch(
        new RegExp(`^(${l.announce.done}|${l.announce.failed})$`),
      );

      for (const [size, suffix] of [
        [DESKTOP, ''],
        [PHONE, '.390px'],
      ] as const) {
        await atWidth(size.width, size.height);
        expect(await axeViolations(), `after the run at ${size.width} px`).toEqual([]);
        expect(document.documentElement.scrollWidth, `after the run at ${size.width} px`).toBeLessThanOrEqual(
          size.width,
        );
        expect(overflow()).toBeLessThanOrEqual(0);
        const png = await saveScreenshot(`${scenario}.${locale}${suffix}`, root, size.width);
        expect(png.bytes).toBeGreaterThan(10_000);
        expect(png.width).toBeCloseTo(Math.min(size.width, root.getBoundingClientRect().width) * devicePixelRatio, -1);
      }
    }, 30_000);
  });
}
