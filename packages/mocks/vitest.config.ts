// Two projects: `node` (msw/node, getResponse, the node:http server) and `browser` (real Chromium
// through msw's service worker), run by one vitest invocation into one JSON report.
import { playwright } from '@vitest/browser-playwright';
import { msw } from 'msw/vite';
import { defineConfig } from 'vitest/config';
import { jsonReport, sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

// Debian's chromium; never a downloaded browser. CHROMIUM_PATH overrides (turbo passes it through).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const provider = playwright({ launchOptions: { executablePath, args: chromiumArgs } });

export default defineConfig({
  ...sourceConditions,
  test: {
    ...jsonReport,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          ...sharedWorkers,
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
        },
      },
      {
        // msw's Vite plugin serves /mockServiceWorker.js straight from the installed msw (with
        // `Service-Worker-Allowed: /`), so the worker script can never lag behind the msw version —
        // a stale copy from `msw init` makes worker.start() hang.
        extends: true,
        plugins: [msw({ mode: 'worker-only' })],
        publicDir: false,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
