// Finds other packages' source files that restate what this package owns (the sunset date, the
// replacement's path). Test helper for no-restated-facts.test.ts.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Folder names never scanned: dependencies, tests, fixtures, outputs. */
const skippedDirs = new Set([
  'node_modules',
  'test',
  'tests',
  '__tests__',
  'fixtures',
  '__fixtures__',
  '__snapshots__',
  '__mocks__',
  '.test-results',
  'dist',
  'coverage',
  '.turbo',
]);
/** Paths (relative to the packages folder, `/`-separated) never scanned. */
const skippedPaths = ['migration-notice', 'openapi/generated'];
const testFile = /\.(test|spec)(-d)?\.[cm]?[jt]sx?$/;
const sourceFile = /\.([cm]?[jt]sx?|json|html?|vue|svelte|css|ya?ml|sh)$/;
const maxBytes = 2_000_000;

export interface Offender {
  file: string;
  line: number;
  needle: string;
  text: string;
}

export async function findRestatedFacts(packagesDir: string, needles: readonly string[]): Promise<Offender[]> {
  const offenders: Offender[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      const rel = relative(packagesDir, full).split(sep).join('/');
      if (skippedPaths.includes(rel)) continue;
      if (entry.isDirectory()) {
        if (!skippedDirs.has(entry.name)) await walk(full);
      } else if (entry.isFile() && sourceFile.test(entry.name) && !testFile.test(entry.name)) {
        if ((await stat(full)).size > maxBytes) continue;
        const lines = (await readFile(full, 'utf8')).split('\n');
        lines.forEach((text, i) => {
          for (const needle of needles) {
            if (text.includes(needle))
              offenders.push({ file: rel, line: i + 1, needle, text: text.trim().slice(0, 160) });
          }
        });
      }
    }
  }
  await walk(packagesDir);
  return offenders;
}

export function describeOffenders(offenders: readonly Offender[]): string {
  return [
    `${offenders.length} restated fact(s) outside @atlas-kit/migration-notice; import them from it instead:`,
    ...offenders.map((o) => `  packages/${o.file}:${o.line}  restates ${JSON.stringify(o.needle)}  | ${o.text}`),
  ].join('\n');
}
