// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "fetch": { "disableSameOriginPolicy": true } } }
// The same page and the same @atlas-kit/mocks handlers in plain Node: happy-dom for the DOM,
// msw/node's setupServer for the network — the way many teams run frontend tests.
// happy-dom emulates CORS: the page (http://localhost:3000) calling Atlas' origin would send an
// OPTIONS preflight that Atlas does not document (the mock answers 404). In the browser the
// service worker answers before CORS applies; here the same-origin policy is switched off instead.
import { createAtlasHandlers } from '@atlas-kit/mocks';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type AppHandle, DEMO_TOKEN, mountApp } from '../src/app.ts';
import { labels } from '../src/labels.ts';
import { mockOptionsFor } from '../src/mock-options.ts';
import { scenarios } from '../src/scenarios.ts';
import { sampleValues } from '../src/spec-facts.ts';
import { newestExampleSnapshot, unlistedSnapshotId } from './example-snapshots.ts';

const tuning = { pollIntervalMs: 5, latencyMs: 0, bearerTokens: [DEMO_TOKEN] };
const server = setupServer(...createAtlasHandlers(mockOptionsFor(scenarios.happy, tuning)).handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

let app: AppHandle | undefined;
afterEach(() => {
  app?.destroy();
  app = undefined;
  server.resetHandlers();
});

function mount(values: Partial<typeof sampleValues> = {}, more: Parameters<typeof mountApp>[1] = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  app = mountApp(root, {
    ...more,
    values: { ...sampleValues, ...values },
    pollIntervalMs: tuning.pollIntervalMs,
    // Each scenario swaps in a fresh handler set from the mocks, as the browser demo does.
    applyScenario: (s) => server.resetHandlers(...createAtlasHandlers(mockOptionsFor(s, tuning)).handlers),
  });
  return root;
}

const submit = async (root: HTMLElement) => {
  root.querySelector('form')?.requestSubmit();
  await app?.settled();
};

describe('example-web in happy-dom with msw/node', () => {
  test('the happy path reaches COMPLETED and links the download', async () => {
    const root = mount();
    await app?.settled();
    await submit(root);
    const statuses = [...root.querySelectorAll<HTMLElement>('.timeline [data-kind="status"]')].map(
      (li) => li.dataset.status,
    );
    expect(statuses).toEqual(['PENDING', 'QUEUED', 'RUNNING', 'COMPLETED']);
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toBe(labels.en.announce.done);
    expect(root.querySelector<HTMLAnchorElement>('.result a[download]')?.getAttribute('href')).toMatch(/^https:\/\//);
    expect(root.querySelector('.expiry time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('after the sunset (picked in the scenario select) the call moves to Flex', async () => {
    const root = mount();
    await app?.settled();
    const select = root.querySelector('select') as HTMLSelectElement;
    select.value = 'after-sunset';
    select.dispatchEvent(new Event('change'));
    await app?.settled();
    // The scenario's default is the newest snapshot; the typed ID shows the 410 → Flex move.
    root.querySelector<HTMLInputElement>('input[type="radio"][value="id"]')?.click();
    await submit(root);
    expect(root.querySelector('.route')?.getAttribute('data-route')).toBe('tenant-gone');
    expect(root.querySelector<HTMLElement>('.notice')?.dataset.phase).toBe('sunset');
  });

  test('after the sunset the default is the newest snapshot, found through the listing and downloaded from Flex', async () => {
    const root = mount({ snapshotId: unlistedSnapshotId });
    await app?.settled();
    const select = root.querySelector('select') as HTMLSelectElement;
    select.value = 'after-sunset';
    select.dispatchEvent(new Event('change'));
    await app?.settled();
    expect(root.querySelector<HTMLInputElement>('input[type="radio"][value="latest"]')?.checked).toBe(true);
    await submit(root);
    expect(root.querySelector('.route')?.getAttribute('data-route')).toBe('latest-snapshot');
    // The listing's newest completed snapshot (the spec example's first), not the ID left in the input.
    expect(root.querySelector('.result .snapshot code')?.textContent).toBe(newestExampleSnapshot?.id);
    expect(root.querySelector('.log pre')?.textContent).toContain('listFlexBackupSnapshots');
  });

  test('a bad cluster name is shown beside its input with aria-invalid', async () => {
    const root = mount({ clusterName: '-bad name' });
    await app?.settled();
    await submit(root);
    const input = root.querySelector('input[name="clusterName"]') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(`${input.id}-error`);
    expect(root.querySelector(`#${input.id}-error`)?.textContent).toContain(labels.en.fields.clusterName.invalid);
  });

  test('the token input hides its value (password), prefilled with the labelled demo token', async () => {
    const root = mount();
    await app?.settled();
    const token = root.querySelector('input[name="token"]') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.value).toBe(DEMO_TOKEN);
    expect(root.querySelector(`label[for="${token.id}"]`)?.textContent).toBe(labels.en.fields.token.label);
    expect(labels.en.fields.token.label).toMatch(/demo value/);
    expect(root.textContent).not.toContain(DEMO_TOKEN);
  });

  test('unknown ?scenario= and ?lang= values are named in a polite notice, with what is shown instead', async () => {
    const root = mount(
      {},
      {
        fallbacks: [
          { param: 'scenario', given: 'bogus', used: 'happy' },
          { param: 'lang', given: 'fr', used: 'en' },
        ],
      },
    );
    const notice = root.querySelector<HTMLElement>('.url-notice');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.textContent).toBe(''); // filled once ready, so that the live region is read out
    await app?.settled();
    expect(notice?.textContent).toBe(
      `${labels.en.urlFallback.scenario('bogus', labels.en.scenarios.happy, 'happy, bad-request, rate-limited, after-sunset, no-snapshot')} ${labels.en.urlFallback.lang('fr', 'English', 'en, zh-CN')}`,
    );
    expect(notice?.textContent).toContain('“bogus”');
    expect(notice?.textContent).toContain('“fr”');
    // Picking a scenario in the page makes the scenario part moot; the language part stays.
    const select = root.querySelector('select') as HTMLSelectElement;
    select.value = 'bad-request';
    select.dispatchEvent(new Event('change'));
    await app?.settled();
    expect(notice?.textContent).not.toContain('bogus');
    expect(notice?.textContent).toContain('“fr”');
  });

  test('a rate limit that outlasts the retries is named in the form alert, which gets the focus', async () => {
    const root = mount();
    await app?.settled(); // the mount installs the scenario's handlers: override after it
    server.use(
      http.post(
        'https://cloud.mongodb.com/api/atlas/v2/groups/:groupId/clusters/:clusterName/backup/tenant/download',
        () =>
          HttpResponse.json(
            { detail: 'Too many requests.', error: 429, errorCode: 'RATE_LIMITED', reason: 'Too Many Requests' },
            { status: 429, headers: { 'Retry-After': '0' } },
          ),
      ),
    );
    await submit(root);
    const alert = root.querySelector<HTMLElement>('[role="alert"]');
    expect(alert?.classList.contains('form-error')).toBe(true);
    expect(alert?.textContent).toContain(labels.en.errors.rateLimited(4));
    expect(document.activeElement).toBe(alert);
    expect(root.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  test('with "newest", Atlas refusing the snapshot puts the focus on the alert (the ID input is disabled)', async () => {
    const root = mount();
    const select = root.querySelector('select') as HTMLSelectElement;
    await app?.settled();
    select.value = 'after-sunset';
    select.dispatchEvent(new Event('change'));
    await app?.settled(); // the scenario installs its handlers: override after it
    server.use(
      http.post('https://cloud.mongodb.com/api/atlas/v2/groups/:groupId/flexClusters/:name/backup/download', () =>
        HttpResponse.json(
          {
            detail: 'The snapshot cannot be downloaded.',
            error: 400,
            errorCode: 'VALIDATION_ERROR',
            reason: 'Bad Request',
            parameters: [],
            badRequestDetail: { fields: [{ field: 'snapshotId', description: 'cannot be downloaded' }] },
          },
          { status: 400 },
        ),
      ),
    );
    await submit(root);
    const id = root.querySelector('input[name="snapshotId"]') as HTMLInputElement;
    expect(id.disabled).toBe(true);
    const alert = root.querySelector<HTMLElement>('.form-error');
    expect(alert?.textContent).toContain(labels.en.errors.badRequest(400, 'VALIDATION_ERROR'));
    expect(document.activeElement).toBe(alert);
  });
});
