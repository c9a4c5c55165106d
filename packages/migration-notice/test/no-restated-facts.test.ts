import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  deprecatedOperation,
  formatAtlasHttpDate,
  formatHttpDate,
  replacementOperation,
  sunsetDate,
} from '../src/index.ts';
import { describeOffenders, findRestatedFacts } from './restated-facts.ts';

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

/** The facts this package owns, in the forms another package would paste them. */
const needles = [
  ...new Set([
    deprecatedOperation.sunset, // 2026-01-22
    formatHttpDate(sunsetDate), // Thu, 22 Jan 2026 00:00:00 GMT
    formatAtlasHttpDate(sunsetDate),
    formatHttpDate(sunsetDate).slice(0, 16), // the date part, whatever the time
    replacementOperation.path,
  ]),
];

describe('no other package restates the sunset date or the replacement path', () => {
  it('scans packages/*/ (not this package, tests, fixtures, openapi/generated, node_modules)', async () => {
    const offenders = await findRestatedFacts(packagesDir, needles);
    expect(offenders, describeOffenders(offenders)).toEqual([]);
  });
});

describe('the scan itself', () => {
  it('finds planted offenders, lists them, and skips what it should', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mn-scan-'));
    const put = async (rel: string, text: string) => {
      await mkdir(dirname(join(root, rel)), { recursive: true });
      await writeFile(join(root, rel), text);
    };
    try {
      await put('client/src/sunset.ts', `export const s = '${deprecatedOperation.sunset}';\n`);
      await put(
        'mocks/bin/serve.mjs',
        `\n\nh.set('Sunset', '${formatHttpDate(sunsetDate).slice(0, 16)} 12:00:00 GMT');\n`,
      );
      await put('web/index.html', `<a href="${replacementOperation.path}">x</a>`);
      // Not offenders:
      await put('client/src/sunset.test.ts', deprecatedOperation.sunset);
      await put('client/test/helper.ts', deprecatedOperation.sunset);
      await put('client/fixtures/a.json', deprecatedOperation.sunset);
      await put('client/README.md', deprecatedOperation.sunset);
      await put('client/node_modules/x/index.js', deprecatedOperation.sunset);
      await put('migration-notice/src/x.ts', deprecatedOperation.sunset);
      await put('openapi/generated/types/atlas.ts', replacementOperation.path);
      await put('openapi/src/ok.ts', 'operation("downloadFlexBackup").path');

      const offenders = await findRestatedFacts(root, needles);
      expect(offenders.map((o) => `${o.file}:${o.line} ${o.needle}`)).toEqual([
        `client/src/sunset.ts:1 ${deprecatedOperation.sunset}`,
        `mocks/bin/serve.mjs:3 ${formatHttpDate(sunsetDate).slice(0, 16)}`,
        `web/index.html:1 ${replacementOperation.path}`,
      ]);
      const message = describeOffenders(offenders);
      expect(message).toContain('3 restated fact(s)');
      expect(message).toContain('packages/client/src/sunset.ts:1');
      expect(message).toContain('packages/web/index.html:1');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
