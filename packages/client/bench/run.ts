// `pnpm --filter @atlas-kit/client bench`: the client's three benchmarks of issue 11, one after the
// other (each in its own process, so that none warms or loads the other), with their verdicts at
// the end; exits 1 when any is below its target. The package script builds the client and what it
// imports first: the cold-start and bundle benches measure the built package as users get it.
//   pnpm --filter @atlas-kit/client bench [-- cold|bundle|throughput ...]
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadAverage } from '../../../scripts/bench-stats.ts';

const benches = {
  cold: { title: 'cold start (import + one call, whole process) ≤ 1.25× openapi-fetch', file: 'cold.bench.ts' },
  bundle: { title: 'browser bundle ≤ openapi-fetch + 12 kB gzip', file: 'bundle.bench.ts' },
  throughput: { title: 'throughput over loopback HTTP ≥ 0.9× raw fetch', file: 'client-vs-fetch.bench.ts' },
} as const;
type Name = keyof typeof benches;

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !Object.hasOwn(benches, a));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
const names = (asked.length > 0 ? asked : Object.keys(benches)) as Name[];
const verdicts: string[] = [];
let failed = false;
for (const name of names) {
  const { title, file } = benches[name];
  console.log(`\n== ${name}: ${title}`);
  const r = spawnSync(process.execPath, ['--conditions=@atlas-kit/source', resolve(import.meta.dirname, file)], {
    stdio: 'inherit',
  });
  const ok = r.status === 0;
  failed ||= !ok;
  verdicts.push(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${title}${r.error ? ` (${r.error.message})` : ''}`);
}
console.log(`\n${verdicts.join('\n')}\nload average at the end: ${loadAverage()}`);
if (failed) process.exitCode = 1;
