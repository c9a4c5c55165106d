// The page in real Chromium, answered by @atlas-kit/mocks through the msw service worker.
import { deprecatedOperation, noticeData } from '@atlas-kit/migration-notice';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mountApp } from '../src/app.ts';
import type { Demo } from '../src/demo.ts';
import { labels } from '../src/labels.ts';
import { scenarios } from '../src/scenarios.ts';
import { sampleValues } from '../src/spec-facts.ts';
import { freshRoot, input, recordAnnouncements, startFast, stopAll } from './helpers.ts';

const en = labels.en;
const demos: Demo[] = [];
afterEach(() => stopAll(demos));

const start = (options: Parameters<typeof startFast>[1] = {}) => startFast(demos, options);

const statuses = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('.timeline [data-kind="status"]')].map(
    (li) => `${li.dataset.source}:${li.dataset.status}`,
  );

describe('happy path', () => {
  test('fills and submits the form by keyboard, shows the timeline to COMPLETED, announces it and links the download', async () => {
    const { root, demo } = await start({ values: { groupId: '', clusterName: '', snapshotId: '' } });
    const live = recordAnnouncements(root);

    // Keyboard only: Tab from the top of the page until the project ID field has the focus.
    (document.activeElement as HTMLElement | null)?.blur();
    for (let i = 0; i < 30 && document.activeElement !== input(root, 'groupId'); i++) await userEvent.tab();
    expect(document.activeElement).toBe(input(root, 'groupId'));
    await userEvent.keyboard(sampleValues.groupId);
    await userEvent.tab();
    expect(document.activeElement).toBe(input(root, 'clusterName'));
    await userEvent.keyboard(sampleValues.clusterName);
    // The snapshot choice is one Tab stop, on its checked radio: before the sunset, "this snapshot ID".
    await userEvent.tab();
    expect(document.activeElement).toBe(root.querySelector('input[type="radio"][value="id"]'));
    expect((document.activeElement as HTMLInputElement).checked).toBe(true);
    await userEvent.tab();
    expect(document.activeElement).toBe(input(root, 'snapshotId'));
    await userEvent.keyboard(sampleValues.snapshotId);
    await userEvent.tab(); // the (dummy, hidden like a real one) token is prefilled
    await userEvent.tab();
    expect(document.activeElement?.textContent).toBe(en.submit);
    await userEvent.keyboard('{Enter}');

    await expect.element(page.getByRole('link', { name: en.download })).toBeVisible();
    await demo.app.settled();
    live.stop();

    expect(statuses(root)).toEqual(['tenant:PENDING', 'tenant:QUEUED', 'tenant:RUNNING', 'tenant:COMPLETED']);
    // The live region said each status, then that the link is ready.
    expect(live.texts).toEqual([
      en.announce.started,
      en.announce.status('PENDING', 'Tenant API'),
      en.announce.status('QUEUED', 'Tenant API'),
      en.announce.status('RUNNING', 'Tenant API'),
      en.announce.status('COMPLETED', 'Tenant API'),
      en.announce.done,
    ]);
    const link = root.querySelector<HTMLAnchorElement>('.result a[download]');
    expect(link?.href).toMatch(/^https:\/\//);
    const expiry = root.querySelector('.expiry time');
    expect(expiry?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(root.querySelector('.expiry')?.textContent).toMatch(/^The link expires on .+ \(UTC\)\.$/);
    expect(root.querySelector('.route')?.getAttribute('data-route')).toBe('tenant-live');
    // The mock sends Deprecation/Sunset headers on the tenant answers; the client reports them once per operation.
    expect([...root.querySelectorAll('.timeline [data-kind="deprecation"]')].map((li) => li.textContent)).toEqual([
      expect.stringContaining(en.deprecationHeaders('downloadClusterBackupTenant', deprecatedOperation.sunset)),
      expect.stringContaining(en.deprecationHeaders('getBackupTenantRestore', deprecatedOperation.sunset)),
    ]);
    // The banner: migration-notice's wording for the scenario's date (before the sunset).
    const banner = root.querySelector<HTMLElement>('.notice');
    expect(banner?.dataset.phase).toBe('deprecated');
    expect(banner?.querySelector('h2')?.textContent).toBe(
      noticeData({ locale: 'en', now: scenarios.happy.atlasStart }).title,
    );
    // Nothing went wrong, so no field is marked.
    expect(root.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    // The keyboard focus did not drop to <body>: it is on the result's heading, and Tab goes on to the link.
    expect(document.activeElement).toBe(root.querySelector('.result h2'));
    await userEvent.tab();
    expect(document.activeElement).toBe(link);
  });
});

describe('errors beside their field', () => {
  test('a bad project ID is caught by the page before sending and shown next to that input', async () => {
    const { root, demo } = await start({ values: { groupId: 'not-a-project' } });
    const live = recordAnnouncements(root);
    await userEvent.click(page.getByRole('button', { name: en.submit }));
    await demo.app.settled();
    live.stop();

    const group = input(root, 'groupId');
    expect(group.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (group.getAttribute('aria-describedby') ?? '').split(' ');
    const error = root.querySelector<HTMLElement>(`#${group.id}-error`);
    expect(describedBy).toContain(error?.id);
    expect(error?.hidden).toBe(false);
    expect(error?.textContent).toContain(en.fields.groupId.invalid);
    // Accessible description of the input = the problem + the hint, read by screen readers on focus.
    await expect
      .element(page.getByRole('textbox', { name: en.fields.groupId.label }))
      .toHaveAccessibleDescription(expect.stringContaining(en.fields.groupId.invalid));
    expect(document.activeElement).toBe(group); // focus moved to the first field to fix
    for (const other of ['clusterName', 'snapshotId', 'token']) {
      expect(input(root, other).hasAttribute('aria-invalid')).toBe(false);
    }
    expect(root.querySelector('.form-error')?.textContent).toContain(en.errors.validation);
    expect(root.textContent).not.toMatch(/[{[]"/); // words, not JSON
    expect(statuses(root)).toEqual([]); // nothing was sent
    expect(live.texts.at(-1)).toBe(en.announce.failed);
  });

  test('a token the mock does not accept (401) is shown beside the token input', async () => {
    const { root, demo } = await start({ values: { token: 'some-other-dummy' } });
    await userEvent.click(page.getByRole('button', { name: en.submit }));
    await demo.app.settled();
    const token = input(root, 'token');
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${token.id}-error`)?.textContent).toContain(en.fields.token.refused);
    expect(root.querySelector('.form-error')?.textContent).toContain(en.errors.auth);
    expect(input(root, 'groupId').hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('an error not tied to a field', () => {
  test('by keyboard: focus stays on the busy button, then lands on the alert that names the network error', async () => {
    const root = freshRoot();
    // A network that never answers until told, then fails the way fetch does offline.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const app = mountApp(root, {
      values: sampleValues,
      pollIntervalMs: 10,
      fetch: async () => {
        calls++;
        await gate;
        throw new TypeError('Failed to fetch');
      },
    });
    demos.push({ app, stop: async () => app.destroy() });
    await app.settled();

    const button = page.getByRole('button', { name: en.submit }).element() as HTMLButtonElement;
    input(root, 'token').focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(button);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => calls).toBe(1);
    // Busy, but still focused (aria-disabled, not disabled), and a second Enter starts nothing.
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.textContent).toBe(en.busy);
    await userEvent.keyboard('{Enter}');
    expect(calls).toBe(1);

    release();
    await app.settled();
    const alert = root.querySelector<HTMLElement>('.form-error');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain(en.errors.network('downloadClusterBackupTenant'));
    expect(document.activeElement).toBe(alert);
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    expect(root.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    // Shift+Tab goes back to the button, to try again.
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(button);
  });
});

describe('rate limited', () => {
  test('a 429 with a short Retry-After is retried by the client, shown in the timeline and announced', async () => {
    const { root, demo } = await start({ scenario: 'rate-limited' });
    expect(root.querySelector<HTMLSelectElement>('select')?.value).toBe('rate-limited');
    const live = recordAnnouncements(root);
    await userEvent.click(page.getByRole('button', { name: en.submit }));
    await expect.element(page.getByRole('link', { name: en.download }), { timeout: 15_000 }).toBeVisible();
    await demo.app.settled();
    live.stop();

    const retries = [...root.querySelectorAll('.timeline [data-kind="retry"]')].map((li) => li.textContent ?? '');
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries[0]).toMatch(/Rate limited \(HTTP 429\) on attempt 1: retrying in \d+(\.\d)? s/);
    expect(live.texts.some((t) => /^Rate limited; retrying in \d+(\.\d)? seconds\.$/.test(t))).toBe(true);
    expect(statuses(root).at(-1)).toBe('tenant:COMPLETED');
    // The HTTP log (client debug lines) has the 429 answer.
    expect(root.querySelector('.log pre')?.textContent).toMatch(/429/);
  }, 20_000);
});

describe('after the sunset', () => {
  test('with a typed ID, the tenant endpoint answers 410, the call moves to Flex and the notice shows, in both languages', async () => {
    const { root, demo } = await start({ scenario: 'after-sunset' });
    // The default after the sunset is the newest snapshot (test/snapshot-choice.browser.test.ts): send the typed ID.
    await userEvent.click(page.getByRole('radio', { name: en.snapshotChoice.id.label }));
    await userEvent.click(page.getByRole('button', { name: en.submit }));
    await expect.element(page.getByRole('link', { name: en.download })).toBeVisible();
    await demo.app.settled();

    expect(statuses(root)).toEqual(['flex:PENDING', 'flex:QUEUED', 'flex:RUNNING', 'flex:COMPLETED']);
    expect(root.querySelector('.route')?.getAttribute('data-route')).toBe('tenant-gone');
    expect(root.querySelector('.route')?.textContent).toBe(en.route['tenant-gone']);
    // The timeline shows where the request moved to Flex, before the first Flex status.
    const kinds = [...root.querySelectorAll<HTMLElement>('.timeline li')].map((li) => li.dataset.kind);
    expect(kinds.indexOf('switch')).toBe(kinds.indexOf('status') - 1);
    expect(root.querySelector('.timeline [data-kind="switch"]')?.textContent).toContain(en.route['tenant-gone']);
    const banner = root.querySelector<HTMLElement>('.notice');
    expect(banner?.dataset.phase).toBe('sunset');
    const when = scenarios['after-sunset'].atlasStart;
    expect(banner?.querySelector('h2')?.textContent).toBe(noticeData({ locale: 'en', now: when }).title);
    expect(banner?.textContent).toContain(noticeData({ locale: 'en', now: when }).paragraphs.replacement);

    // Switch to 简体中文 by keyboard: focus the language group, arrow to the next radio.
    root.querySelector<HTMLInputElement>('input[type="radio"][value="en"]')?.focus();
    await userEvent.keyboard('{ArrowRight}');
    const zh = labels['zh-CN'];
    await expect.element(page.getByRole('heading', { level: 1 })).toHaveTextContent(zh.title);
    expect(root.querySelector('main')?.getAttribute('lang')).toBe('zh-CN');
    const zhNotice = noticeData({ locale: 'zh-CN', now: when });
    expect(banner?.querySelector('h2')?.textContent).toBe(zhNotice.title);
    expect(banner?.textContent).toContain(zhNotice.paragraphs.status);
    expect(root.querySelector('.route')?.textContent).toBe(zh.route['tenant-gone']);
    expect(root.querySelector('.result a[download]')?.textContent).toBe(zh.download);
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toBe(zh.announce.done);
  });
});
