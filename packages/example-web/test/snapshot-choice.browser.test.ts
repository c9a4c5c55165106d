// The snapshot choice — "the newest completed snapshot" (found through the Flex snapshot listing) or
// "this snapshot ID": its default per scenario, the keyboard, a request with "newest" (which
// snapshot was downloaded) and a Flex cluster without a completed snapshot, in both languages.
import { type Locale, locales } from '@atlas-kit/migration-notice';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Demo } from '../src/demo.ts';
import { labels } from '../src/labels.ts';
import { type ScenarioId, scenarioIds } from '../src/scenarios.ts';
import type { SnapshotChoice } from '../src/snapshot-source.ts';
import { sampleValues } from '../src/spec-facts.ts';
import { newestExampleSnapshot, unlistedSnapshotId } from './example-snapshots.ts';
import { input, recordAnnouncements, startFast, stopAll } from './helpers.ts';

const demos: Demo[] = [];
afterEach(() => stopAll(demos));

// Newest on the Flex route (the mock's date is past the sunset), the typed ID on the tenant route.
const expectedDefault: Record<ScenarioId, SnapshotChoice> = {
  happy: 'id',
  'bad-request': 'id',
  'rate-limited': 'id',
  'after-sunset': 'latest',
  'no-snapshot': 'latest',
};

const radio = (root: HTMLElement, choice: SnapshotChoice) => {
  const el = root.querySelector<HTMLInputElement>(`input[type="radio"][value="${choice}"]`);
  if (!el) throw new Error(`no radio ${choice}`);
  return el;
};
const checkedChoice = (root: HTMLElement) =>
  root.querySelector<HTMLInputElement>('.snapshot-choice input:checked')?.value;
const kinds = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('.timeline li')].map((li) => li.dataset.kind ?? 'empty');
const statuses = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('.timeline [data-kind="status"]')].map(
    (li) => `${li.dataset.source}:${li.dataset.status}`,
  );
const utc = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
    hourCycle: 'h23',
  }).format(new Date(iso));

describe.each(locales)('the default choice, in %s', (locale) => {
  const l = labels[locale];

  test('follows the scenario: the newest snapshot past the sunset, the typed ID before it', async () => {
    const { root, demo } = await startFast(demos, { locale });
    const group = page.getByRole('group', { name: l.snapshotChoice.legend });
    await expect.element(group).toBeVisible();
    for (const choice of ['latest', 'id'] as const) {
      await expect
        .element(group.getByRole('radio', { name: l.snapshotChoice[choice].label }))
        .toHaveAccessibleDescription(l.snapshotChoice[choice].hint);
    }
    // Through the picker, each scenario in turn and back to the first.
    for (const scenario of [...scenarioIds.slice(1), scenarioIds[0] as ScenarioId]) {
      await userEvent.selectOptions(page.getByRole('combobox', { name: l.scenario }), scenario);
      await demo.app.settled();
      expect(checkedChoice(root), scenario).toBe(expectedDefault[scenario]);
      expect(input(root, 'snapshotId').disabled, scenario).toBe(expectedDefault[scenario] === 'latest');
    }
    // And when the page opens on a scenario (?scenario=… in the address).
    await stopAll(demos);
    const opened = await startFast(demos, { locale, scenario: 'after-sunset' });
    expect(checkedChoice(opened.root)).toBe('latest');
    await expect.element(page.getByRole('radio', { name: l.snapshotChoice.latest.label })).toBeChecked();
    await expect.element(page.getByRole('textbox', { name: l.fields.snapshotId.label })).toBeDisabled();
  });
});

describe('the choice by keyboard', () => {
  test('arrows switch the choice; the ID input is enabled (and a Tab stop) only for "this snapshot ID"', async () => {
    const { root, demo } = await startFast(demos, { values: { snapshotId: '' } });
    // An empty ID is a problem of the ID choice …
    await userEvent.click(page.getByRole('button', { name: labels.en.submit }));
    await demo.app.settled();
    expect(input(root, 'snapshotId').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('.form-error')?.textContent).not.toBe('');

    radio(root, 'id').focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(checkedChoice(root)).toBe('latest');
    expect(document.activeElement).toBe(radio(root, 'latest'));
    expect(input(root, 'snapshotId').disabled).toBe(true);
    // … and no longer one once the ID is not sent.
    expect(input(root, 'snapshotId').hasAttribute('aria-invalid')).toBe(false);
    expect(root.querySelector('.form-error')?.textContent).toBe('');
    await userEvent.tab();
    expect(document.activeElement).toBe(input(root, 'token'));

    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(radio(root, 'latest'));
    await userEvent.keyboard('{ArrowDown}');
    expect(checkedChoice(root)).toBe('id');
    expect(input(root, 'snapshotId').disabled).toBe(false);
    await userEvent.tab();
    expect(document.activeElement).toBe(input(root, 'snapshotId'));
  });
});

describe.each(locales)('"the newest completed snapshot", in %s', (locale) => {
  const l = labels[locale];
  const newest = newestExampleSnapshot as { id: string; finishTime: string };

  test('the page asks the listing for it, downloads it from Flex and says which snapshot it was', async () => {
    // An ID the listing does not have stays in the (disabled) input: it must not be what is sent.
    const { root, demo } = await startFast(demos, {
      locale,
      scenario: 'after-sunset',
      values: { snapshotId: unlistedSnapshotId },
    });
    const live = recordAnnouncements(root);
    await userEvent.click(page.getByRole('button', { name: l.submit }));
    await expect.element(page.getByRole('link', { name: l.download })).toBeVisible();
    await demo.app.settled();
    live.stop();

    expect(statuses(root)).toEqual(['flex:PENDING', 'flex:QUEUED', 'flex:RUNNING', 'flex:COMPLETED']);
    // Straight to Flex: no tenant call, so no 410, no move and no deprecation headers.
    expect(kinds(root)).toEqual(['request', 'snapshot', 'status', 'status', 'status', 'status']);
    expect(root.querySelector('.timeline [data-kind="request"]')?.textContent).toContain(
      l.requestSent('requestLatestSnapshotDownload'),
    );
    const finished = l.snapshotFinished(utc(newest.finishTime, locale));
    for (const where of ['.timeline [data-kind="snapshot"] .what', '.result .snapshot']) {
      const el = root.querySelector<HTMLElement>(where);
      expect(el?.querySelector('code')?.textContent, where).toBe(newest.id);
      expect(el?.querySelector('time')?.getAttribute('datetime'), where).toBe(
        new Date(newest.finishTime).toISOString(),
      );
      expect(el?.querySelector('time')?.textContent, where).toBe(finished);
    }
    expect(root.querySelector('.timeline [data-kind="snapshot"]')?.textContent).toContain(l.foundSnapshot);
    expect(root.querySelector('.result .snapshot')?.textContent).toContain(l.downloadedSnapshot);
    expect(root.textContent).not.toContain(unlistedSnapshotId);
    expect(root.querySelector('.route')?.getAttribute('data-route')).toBe('latest-snapshot');
    expect(root.querySelector('.route')?.textContent).toBe(l.route['latest-snapshot']);
    // The HTTP log: the listing, then the Flex download and its polls; never the tenant endpoint.
    const log = root.querySelector('.log pre')?.textContent ?? '';
    expect(log.indexOf('listFlexBackupSnapshots')).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('downloadFlexBackup')).toBeGreaterThan(log.indexOf('listFlexBackupSnapshots'));
    expect(log).not.toContain('downloadClusterBackupTenant');
    expect(live.texts.at(-1)).toBe(l.announce.done);
    expect(document.activeElement).toBe(root.querySelector('.result h2'));
  });
});

describe.each(locales)('a Flex cluster without a completed snapshot, in %s', (locale) => {
  const l = labels[locale];

  test('is said in the form alert, which gets the focus, and nothing is downloaded', async () => {
    const { root, demo } = await startFast(demos, { locale, scenario: 'no-snapshot' });
    expect(checkedChoice(root)).toBe('latest');
    await userEvent.click(page.getByRole('button', { name: l.submit }));
    await demo.app.settled();

    const alert = root.querySelector<HTMLElement>('.form-error');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.querySelector('.summary')?.textContent).toBe(l.errors.noSnapshot(sampleValues.clusterName));
    expect(alert?.textContent).toContain(l.snapshotChoice.id.label); // what to do instead
    expect(document.activeElement).toBe(alert);
    expect(root.querySelector<HTMLElement>('.result')?.hidden).toBe(true);
    expect(statuses(root)).toEqual([]);
    expect(root.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    const log = root.querySelector('.log pre')?.textContent ?? '';
    expect(log).toContain('listFlexBackupSnapshots');
    expect(log).not.toContain('downloadFlexBackup');
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toBe(l.announce.failed);
  });
});
