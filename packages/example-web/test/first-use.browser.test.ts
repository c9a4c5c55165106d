// What a first-time user meets in Chromium: an emptied token, the HTTP 400 scenario, several bad
// fields at once, the empty timeline, the title and the simulated date in both languages.
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Demo } from '../src/demo.ts';
import { labels } from '../src/labels.ts';
import { scenarios } from '../src/scenarios.ts';
import { input, startFast, stopAll } from './helpers.ts';

const en = labels.en;
const zh = labels['zh-CN'];
const demos: Demo[] = [];
afterEach(() => stopAll(demos));

const fieldError = (root: HTMLElement, name: string) => {
  const el = root.querySelector<HTMLElement>(`#${input(root, name).id}-error`);
  if (!el) throw new Error(`no error element for ${name}`);
  return el;
};
const submitButton = (root: HTMLElement) => root.querySelector('button[type="submit"]') as HTMLButtonElement;
const invalidNames = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLInputElement>('input[aria-invalid="true"]')].map((i) => i.name);
const requestsSent = (root: HTMLElement) => root.querySelectorAll('.timeline [data-kind="request"]').length;

/** The page is idle again: the button says "Request download" and is not marked busy. */
async function expectIdle(root: HTMLElement): Promise<void> {
  await expect.poll(() => submitButton(root).textContent, { timeout: 3_000 }).toBe(en.submit);
  expect(submitButton(root).hasAttribute('aria-disabled')).toBe(false);
}

describe('1. an empty bearer token', () => {
  test('is named beside the token input, and the page does not stay on "Requesting…"', async () => {
    const { root } = await startFast(demos);
    await userEvent.clear(page.getByLabelText(en.fields.token.label));
    await userEvent.click(page.getByRole('button', { name: en.submit }));

    await expectIdle(root);
    const token = input(root, 'token');
    expect(invalidNames(root)).toEqual(['token']);
    expect(fieldError(root, 'token').hidden).toBe(false);
    expect(fieldError(root, 'token').textContent).toContain(en.fields.token.missing);
    await expect
      .element(page.getByLabelText(en.fields.token.label))
      .toHaveAccessibleDescription(expect.stringContaining(en.fields.token.missing));
    expect(document.activeElement).toBe(token);
    expect(root.querySelector('.form-error')?.textContent).toContain(en.errors.validation);
    expect(requestsSent(root)).toBe(0);

    // Typing a token and sending again works: nothing was left half-done.
    await userEvent.type(page.getByLabelText(en.fields.token.label), 'demo-token-not-a-secret');
    await userEvent.click(page.getByRole('button', { name: en.submit }));
    await expect.element(page.getByRole('link', { name: en.download })).toBeVisible();
  });
});

describe('2. the HTTP 400 scenario', () => {
  test('is a refusal Atlas documents for this endpoint, and the page words it as that refusal', async () => {
    const { root, demo } = await startFast(demos);
    const picker = root.querySelector('select') as HTMLSelectElement;
    const option = [...picker.options].find((o) => o.textContent?.includes('HTTP 400'));
    expect(option, 'a scenario answering HTTP 400').toBeDefined();
    await userEvent.selectOptions(page.getByRole('combobox', { name: en.scenario }), option?.value ?? '');
    await demo.app.settled();
    await userEvent.click(page.getByRole('button', { name: en.submit }));
    await demo.app.settled();

    const alert = root.querySelector<HTMLElement>('.form-error');
    const code = 'CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY';
    expect(alert?.textContent).toContain(en.errors.badRequest(400, code));
    expect(alert?.textContent).toContain(en.errors.codes[code]);
    // Atlas' own sentence, quoted as Atlas sent it.
    const said = alert?.querySelector('q')?.textContent ?? '';
    expect(said).toMatch(/concurrent|already/i);
    // The ids are well-formed, so no input is blamed and nothing says they are malformed or unknown.
    expect(invalidNames(root)).toEqual([]);
    for (const key of ['groupId', 'clusterName', 'snapshotId'] as const) {
      expect(root.textContent).not.toContain(en.fields[key].invalid);
    }
    expect(root.textContent).not.toMatch(/not found|no backup snapshot|does not exist/i);
    expect(document.activeElement).toBe(alert);
  });
});

describe('3. checks before the request', () => {
  test('every visible field is reported at once, in the words of its hint, without patterns or hidden fields', async () => {
    const { root, demo } = await startFast(demos, {
      values: { groupId: 'abc', clusterName: '-not a name', snapshotId: '' },
    });
    await userEvent.click(page.getByRole('button', { name: en.submit }));
    await demo.app.settled();

    expect(invalidNames(root)).toEqual(['groupId', 'clusterName', 'snapshotId']);
    expect(fieldError(root, 'groupId').textContent).toContain(en.fields.groupId.invalid);
    expect(fieldError(root, 'clusterName').textContent).toContain(en.fields.clusterName.invalid);
    expect(fieldError(root, 'snapshotId').textContent).toContain(en.fields.snapshotId.missing);
    // The words of the hint: each message restates the rule its hint shows.
    for (const key of ['groupId', 'clusterName', 'snapshotId'] as const) {
      const rule = en.fields[key].rule.toLowerCase();
      expect(en.fields[key].hint.toLowerCase()).toContain(rule);
      expect(fieldError(root, key).textContent?.toLowerCase()).toContain(rule);
    }
    expect(root.querySelector('.form-error')?.textContent).toContain(en.formProblems(3));
    const text = root.textContent ?? '';
    expect(text).not.toMatch(/pattern|\^|\$"|\{24\}|\[a-/);
    expect(text).not.toContain('targetDeploymentItemName');
    expect(requestsSent(root)).toBe(0);
    expect(document.activeElement).toBe(input(root, 'groupId'));
  });

  test('a cluster name of the right characters but longer than Atlas takes is named as the cluster name', async () => {
    const { root, demo } = await startFast(demos, { values: { clusterName: `c${'0'.repeat(64)}` } });
    await userEvent.click(page.getByRole('button', { name: en.submit }));
    await demo.app.settled();
    expect(invalidNames(root)).toEqual(['clusterName']);
    expect(fieldError(root, 'clusterName').textContent).toContain(en.fields.clusterName.invalid);
    expect(root.textContent).not.toContain('targetDeploymentItemName');
  });
});

describe('5. the empty timeline', () => {
  test('"No request sent yet." stays on one line, in both languages', async () => {
    const { root } = await startFast(demos);
    for (const [locale, l] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      root.querySelector<HTMLInputElement>(`input[type="radio"][value="${locale}"]`)?.click();
      const empty = root.querySelector<HTMLElement>('.timeline .empty');
      expect(empty?.textContent).toBe(l.timelineEmpty);
      const range = document.createRange();
      range.selectNodeContents(empty as HTMLElement);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      expect(lines.size, `${locale}: lines of the empty timeline`).toBe(1);
    }
  });
});

describe('7. title and simulated date', () => {
  test('the document title follows the language', async () => {
    await startFast(demos, { locale: 'zh-CN' });
    expect(document.title).toContain(zh.title);
    await userEvent.click(page.getByRole('radio', { name: 'English' }));
    expect(document.title).toContain(en.title);
    await userEvent.click(page.getByRole('radio', { name: '简体中文' }));
    expect(document.title).toContain(zh.title);
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  test('the date the mock believes it is stands beside the scenario picker and follows the scenario', async () => {
    const { root, demo } = await startFast(demos);
    const picker = root.querySelector('select') as HTMLSelectElement;
    const dateOf = (d: Date, locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
    const shown = () => {
      const time = picker.closest('.scenario')?.querySelector('time');
      return { datetime: time?.getAttribute('datetime'), text: time?.textContent };
    };
    expect(shown()).toEqual({
      datetime: scenarios.happy.atlasStart.toISOString().slice(0, 10),
      text: dateOf(scenarios.happy.atlasStart, 'en'),
    });
    // Read with the picker by screen readers too.
    const dateId = picker.closest('.scenario')?.querySelector('.simulated-date')?.id;
    expect(dateId).toBeTruthy();
    expect(picker.getAttribute('aria-describedby')?.split(' ')).toContain(dateId);

    await userEvent.selectOptions(page.getByRole('combobox', { name: en.scenario }), 'after-sunset');
    await demo.app.settled();
    const after = scenarios['after-sunset'].atlasStart;
    expect(shown()).toEqual({ datetime: after.toISOString().slice(0, 10), text: dateOf(after, 'en') });
    await userEvent.click(page.getByRole('radio', { name: '简体中文' }));
    expect(shown().text).toBe(dateOf(after, 'zh-CN'));
  });
});
