import { playwright } from '@vitest/browser-playwright';
import { msw } from 'msw/vite';
import { defineConfig } from 'vitest/config';
import { sharedWorkers, sourceConditions } from '../../vitest.shared.ts';

// Debian's chromium; never a downloaded browser. CHROMIUM_PATH overrides (as in packages/mocks).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromium = playwright({
  launchOptions: {
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
});

// One JSON report per invocation, named after the project(s) it ran, so CI can sum every file in .test-results/.
const projectArg = process.argv.flatMap((a, i, all) =>
  a === '--project' ? [all[i + 1] ?? ''] : a.startsWith('--project=') ? [a.slice('--project='.length)] : [],
);
const reportName = projectArg.length > 0 ? projectArg.join('+') : 'all';

export default defineConfig({
  ...sourceConditions,
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: `.test-results/${reportName}.json` },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          ...sharedWorkers,
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [msw({ mode: 'worker-only' })],
        publicDir: false,
        // Pre-bundled up front: discovered mid-run, axe-core (CommonJS) would make Vite reload a test.
        optimizeDeps: { include: ['axe-core'] },
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1100, height: 1300 },
          },
        },
      },
    ],
  },
});
