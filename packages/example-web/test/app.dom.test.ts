// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "fetch": { "disableSameOriginPolicy": true } } }
// The same page and the same @atlas-kit/mocks handlers in plain Node: happy-dom for the DOM,
// msw/node's setupServer for the network — the way many teams run frontend tests.
// happy-dom emulates CORS: the page (http://localhost:3000) calling Atlas' origin would send an
// OPTIONS preflight that Atlas does not document (the mock answers 404). In the browser the
// service worker answers before CORS applies; here the same-origin policy is switched off instead.
import { createAtlasHandlers } from '@atlas-kit/mocks';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type AppHandle, DEMO_TOKEN, mountApp } from '../src/app.ts';
import { sampleValues } from '../src/demo.ts';
import { labels } from '../src/labels.ts';
import { mockOptionsFor } from '../src/mock-options.ts';
import { scenarios } from '../src/scenarios.ts';

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

function mount(values: Partial<typeof sampleValues> = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  app = mountApp(root, {
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
    await submit(root);
    expect(root.querySelector('.route')?.getAttribute('data-route')).toBe('tenant-gone');
    expect(root.querySelector<HTMLElement>('.notice')?.dataset.phase).toBe('sunset');
  });

  test('a bad cluster name is shown beside its input with aria-invalid', async () => {
    const root = mount({ clusterName: '-bad name' });
    await app?.settled();
    await submit(root);
    const input = root.querySelector('input[name="clusterName"]') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(`${input.id}-error`);
    expect(root.querySelector(`#${input.id}-error`)?.textContent).toContain(labels.en.fields.clusterName.problem);
  });
});
