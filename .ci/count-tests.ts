// Sums the vitest JSON reports that CI's test scripts leave in packages/*/.test-results/ (turbo
// restores them on a cache hit too) into the one closing line CI reads.
//
// The rule (README › CI): a package with none of the scripts CI runs (`test`, `check:consumer`)
// is skipped; a package with one of them must leave at least one vitest JSON report in its
// .test-results/ folder, or it counts as one failure — its tests would otherwise vanish silently.
// `--failed-checks N` adds checks that .ci/run made outside vitest (the generated-files check).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const ciScripts = ['test', 'check:consumer'];
const { values } = parseArgs({ options: { 'failed-checks': { type: 'string', default: '0' } } });
let passed = 0;
let failed = Number(values['failed-checks']) || 0;
const root = join(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');
for (const pkg of readdirSync(packagesDir)) {
  let manifest: { name?: string; scripts?: Record<string, string> };
  try {
    manifest = JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8'));
  } catch {
    continue; // not a package
  }
  const scripts = ciScripts.filter((s) => manifest.scripts?.[s]);
  if (scripts.length === 0) continue;
  const dir = join(packagesDir, pkg, '.test-results');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {}
  if (files.length === 0) {
    console.error(
      `${manifest.name ?? pkg}: its ${scripts.map((s) => `\`${s}\``).join('/')} script left no vitest JSON report in ${relative(root, dir)}/ — ` +
        `CI counts tests from those reports: give its vitest config reporters: ['default', 'json'] and ` +
        `outputFile: { json: '.test-results/vitest.json' } (README › CI). Counted as 1 failure.`,
    );
    failed += 1;
    continue;
  }
  for (const file of files) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    // A file that fails to load has no failed test, only a failed suite: count it too.
    const failedTests = report.numFailedTests ?? 0;
    failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = passed === 0 || failed > 0 ? 1 : 0;
