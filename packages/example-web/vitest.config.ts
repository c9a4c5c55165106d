import { playwright } from '@vitest/browser-playwright';
import { msw } from 'msw/vite';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
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

/**
 * The two scenario files are the longest (about 12 s each), and tiny: vitest's default order puts
 * files it has no timing of largest first, so on a fresh clone they came last and ran alone.
 */
class ScenariosFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isScenarios = (f: TestSpecification) => /[\\/]scenarios\.[^\\/]+\.browser\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(isScenarios), ...sorted.filter((f) => !isScenarios(f))];
  }
}

export default defineConfig({
  ...sourceConditions,
  test: {
    // Two at a time, in both projects (vitest requires one value per group): the browser suite starts
    // beside the node tests instead of after them, and the two scenario files take one page each.
    // The default on these 2-core machines is 1: this package's test then took 78–86 s of a cold
    // `pnpm test`, the longest task by far.
    maxWorkers: 2,
    sequence: { sequencer: ScenariosFirst },
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
          // The files of a page share one frame and its loaded modules (axe-core, msw, the app)
          // instead of loading them again per file: 4 s less CPU of 47. Every test starts from
          // a fresh root (mounting sets the title and language again) and stops its worker, and the
          // scenario checks put the viewport back after each test: no state passes between files.
          isolate: false,
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
