// Cold start, whole process: `node bench/cold/mocks.mjs` (import the BUILT @atlas-kit/mocks/node,
// setupAtlasServer, one answered POST) against `node bench/cold/msw.mjs` (msw's setupServer with
// one http.post answering the same request with static JSON). Target: mocks ≤ 1.25× msw.
//
// Each child starts as a user's process would: no @atlas-kit/source condition (the packages
// resolve to dist/, which `pnpm bench` builds first), no NODE_OPTIONS, and Node's compile cache
// off (NODE_DISABLE_COMPILE_CACHE), so every run compiles what it imports, as a first run does.
//
// Two shared cores and other jobs: one spawn can take twice as long as the next. So the two
// scripts run in PAIRS, back to back, alternating which goes first; the verdict is on the median
// of the per-pair ratios (mocks ÷ msw), for wall time and for CPU time (user + system of the
// child, reported by scripts/bench-cpu-time.mjs, which is preloaded into both), and both must meet it.
//
// Run: pnpm --filter @atlas-kit/mocks bench:cold   (COLD_PAIRS=40, COLD_TARGET=1.25)
// Exit 1 when a median ratio is above the target.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ColdRun, runCold } from '../../../scripts/bench-cold-process.ts';
import { envNumber, loadAverage, median } from '../../../scripts/bench-stats.ts';

const pairs = envNumber('COLD_PAIRS', 40, 1);
const target = envNumber('COLD_TARGET', 1.25, 0);
const warmUpPairs = 2;

const script = (name: string) => fileURLToPath(new URL(`./cold/${name}`, import.meta.url));
const builtEntry = fileURLToPath(new URL('../dist/node.js', import.meta.url));
if (!existsSync(builtEntry)) {
  console.error('dist/node.js is missing: run `pnpm --filter @atlas-kit/mocks bench` (it builds first).');
  process.exit(2);
}

const scripts = { msw: script('msw.mjs'), mocks: script('mocks.mjs') } as const;
type Side = keyof typeof scripts;

const loadBefore = loadAverage();
const samples: Record<Side, ColdRun[]> = { msw: [], mocks: [] };
const wallRatios: number[] = [];
const cpuRatios: number[] = [];
try {
  // The first spawns read the files from disk; later ones from the page cache. Not counted.
  for (let i = 0; i < warmUpPairs; i++) for (const side of ['msw', 'mocks'] as const) await runCold(scripts[side]);
  for (let pair = 0; pair < pairs; pair++) {
    const order: readonly Side[] = pair % 2 === 0 ? ['msw', 'mocks'] : ['mocks', 'msw'];
    const got: Partial<Record<Side, ColdRun>> = {};
    for (const side of order) got[side] = await runCold(scripts[side]);
    const { msw, mocks } = got as Record<Side, ColdRun>;
    samples.msw.push(msw);
    samples.mocks.push(mocks);
    wallRatios.push(mocks.wallMs / msw.wallMs);
    cpuRatios.push(mocks.cpuMs / msw.cpuMs);
  }
} catch (e) {
  console.error(`cold start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const loadAfter = loadAverage();

const ms = (xs: number[]) => Math.round(median(xs));
const wallRatio = median(wallRatios);
const cpuRatio = median(cpuRatios);
const pass = wallRatio <= target && cpuRatio <= target;
console.table([
  {
    process: 'bare msw (setupServer, one http.post)',
    'wall ms (median)': ms(samples.msw.map((s) => s.wallMs)),
    'CPU ms (median)': ms(samples.msw.map((s) => s.cpuMs)),
  },
  {
    process: '@atlas-kit/mocks/node (setupAtlasServer)',
    'wall ms (median)': ms(samples.mocks.map((s) => s.wallMs)),
    'CPU ms (median)': ms(samples.mocks.map((s) => s.cpuMs)),
  },
]);
const spread = (xs: number[]) =>
  `median ${median(xs).toFixed(2)}×, min ${Math.min(...xs).toFixed(2)}×, max ${Math.max(...xs).toFixed(2)}×`;
console.log(
  [
    `cold start, mocks ÷ bare msw per pair (${pairs} pairs, order alternated, compile cache off, ${warmUpPairs} warm-up pairs not counted):`,
    `  wall: ${spread(wallRatios)}`,
    `  CPU:  ${spread(cpuRatios)}`,
    `  load average (1/5/15 min) before: ${loadBefore}, after: ${loadAfter}; ${process.version}`,
    `  target: both medians ≤ ${target}× — ${pass ? 'PASS' : 'FAIL'}`,
  ].join('\n'),
);
if (!pass) process.exitCode = 1;
