// Sums the vitest JSON reports that `pnpm test` leaves in packages/*/.test-results/ (turbo
// restores them on a cache hit too) into the one closing line CI reads. A package that has a
// test script but left no report counts as a failure: its tests would otherwise vanish silently.
// `--failed-checks N` adds checks that .ci/run made outside vitest (the generated-files check).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'failed-checks': { type: 'string', default: '0' } } });
let passed = 0;
let failed = Number(values['failed-checks']) || 0;
const packagesDir = join(import.meta.dirname, '..', 'packages');
for (const pkg of readdirSync(packagesDir)) {
  const manifest = JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8'));
  if (!manifest.scripts?.test) continue;
  const dir = join(packagesDir, pkg, '.test-results');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {}
  if (files.length === 0) {
    console.error(`${manifest.name}: no test report in ${dir}`);
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
