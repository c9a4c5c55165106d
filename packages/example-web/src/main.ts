// Dev entry (`pnpm dev`): the offline Atlas (msw worker) starts before the page mounts.
// `?scenario=rate-limited&lang=zh-CN` pick the initial scenario and language; the page keeps them in
// the URL. A value it does not know falls back to the default, and the page says so.

import { startDemo } from './demo.ts';
import { readUrlOptions } from './url-options.ts';

const { scenario, locale, fallbacks } = readUrlOptions(location.search);

const remember = (key: string, value: string) => {
  const url = new URL(location.href);
  url.searchParams.set(key, value);
  history.replaceState(null, '', url);
};

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
startDemo(root, {
  scenario,
  locale,
  fallbacks,
  pollIntervalMs: 1_000,
  latencyMs: 250,
  onLocaleChange: (l) => remember('lang', l),
  onScenarioChange: (s) => remember('scenario', s),
}).catch((error: unknown) => {
  // E.g. a browser without service workers (or a non-secure origin other than localhost).
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `The offline Atlas mock could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(p);
});
