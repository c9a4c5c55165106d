// The scenario checks run from one browser test file per language (scenario-checks.ts says why):
// a language added to the notice without its file would go unchecked, so its absence fails here.
import { existsSync } from 'node:fs';
import { locales } from '@atlas-kit/migration-notice';
import { expect, test } from 'vitest';

test.each(locales)('the scenarios are checked in %s', (locale) => {
  const file = new URL(`./scenarios.${locale}.browser.test.ts`, import.meta.url);
  expect(existsSync(file), `test/scenarios.${locale}.browser.test.ts`).toBe(true);
});
