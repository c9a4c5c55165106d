// Wires the page to the offline Atlas: the @atlas-kit/mocks service worker starts first, then the
// page mounts. The dev entry (main.ts) and the browser tests both go through here, so the tests
// exercise the wiring people run.
import type { Locale } from '@atlas-kit/migration-notice';
import { setupAtlasWorker } from '@atlas-kit/mocks/browser';
import { type AppHandle, DEMO_TOKEN, mountApp } from './app.ts';
import { mockOptionsFor, scenarioHandlers, seedScenario } from './mock-options.ts';
import { type ScenarioId, scenarios } from './scenarios.ts';
import { sampleValues } from './spec-facts.ts';
import type { UrlFallback } from './url-options.ts';

export interface DemoOptions {
  scenario?: ScenarioId;
  locale?: Locale;
  /** First poll wait of the client (and the rate-limit bucket's pace). */
  pollIntervalMs?: number;
  /** Delay of every mocked answer. */
  latencyMs?: number;
  /** URL of mockServiceWorker.js (served by the msw/vite plugin). Default `${BASE_URL}mockServiceWorker.js`. */
  workerUrl?: string;
  values?: Parameters<typeof mountApp>[1] extends infer O ? (O extends { values?: infer V } ? V : never) : never;
  /** Address values that were not understood (the page shows a notice). */
  fallbacks?: readonly UrlFallback[];
  onLocaleChange?: (locale: Locale) => void;
  onScenarioChange?: (scenario: ScenarioId) => void;
}

export interface Demo {
  app: AppHandle;
  stop(): Promise<void>;
}

export async function startDemo(root: HTMLElement, options: DemoOptions = {}): Promise<Demo> {
  const scenarioId = options.scenario ?? 'happy';
  const tuning = {
    latencyMs: options.latencyMs ?? 0,
    bearerTokens: [DEMO_TOKEN],
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  };
  const { worker, atlas } = setupAtlasWorker(mockOptionsFor(scenarios[scenarioId], tuning));
  seedScenario(atlas, scenarios[scenarioId]);
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    // Only Atlas is mocked; the page's own module requests go to the dev server untouched.
    onUnhandledFrame: 'bypass',
    quiet: true,
  });
  const app = mountApp(root, {
    scenario: scenarioId,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    values: { ...sampleValues, ...options.values },
    // A scenario's rate limit and clock are creation options of the handler set: swap the whole set.
    applyScenario: (s) => worker.resetHandlers(...scenarioHandlers(s, tuning).handlers),
    ...(options.fallbacks ? { fallbacks: options.fallbacks } : {}),
    ...(options.onLocaleChange ? { onLocaleChange: options.onLocaleChange } : {}),
    ...(options.onScenarioChange ? { onScenarioChange: options.onScenarioChange } : {}),
  });
  await app.settled();
  return {
    app,
    stop: async () => {
      app.destroy();
      await worker.stop();
    },
  };
}
