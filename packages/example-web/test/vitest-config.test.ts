// The browser project launches the Chromium that CHROMIUM_PATH names (CI images differ), and
// Debian's /usr/bin/chromium when it is unset.
import { afterEach, expect, test, vi } from 'vitest';

async function executablePath(): Promise<unknown> {
  vi.resetModules();
  const config = (await import('../vitest.config.ts')).default as {
    test: { projects: { test: { name: string; browser?: { provider?: { options?: any } } } }[] };
  };
  const browser = config.test.projects.find((p) => p.test.name === 'browser');
  return browser?.test.browser?.provider?.options?.launchOptions?.executablePath;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

// Importing the config loads Vite's and Playwright's plugins: seconds on a loaded machine.
const importTimeout = 30_000;

test(
  'CHROMIUM_PATH overrides the browser',
  async () => {
    vi.stubEnv('CHROMIUM_PATH', '/opt/elsewhere/chromium');
    expect(await executablePath()).toBe('/opt/elsewhere/chromium');
  },
  importTimeout,
);

test(
  "without CHROMIUM_PATH it is Debian's chromium",
  async () => {
    vi.stubEnv('CHROMIUM_PATH', undefined);
    expect(await executablePath()).toBe('/usr/bin/chromium');
  },
  importTimeout,
);
