// Cold start, whole process: `node bench/cold/client.mjs` (the built @atlas-kit/client imported as a
// user's code imports it, one getFlexRestoreJob against an in-process fetch stub) against
// `node bench/cold/openapi-fetch.mjs` (openapi-fetch alone, the same call). Cold: Node's compile
// cache is off, so every run compiles every module it loads, as a first run does.
// Target: client ≤ 1.25× openapi-fetch, on the median of the paired wall-time ratios.
//
// The runs alternate (which script goes first swaps every pair) and each ratio is taken within one
// pair, run back to back under about the same load. CPU time (user + system, reported by the child
// itself at exit through a tiny preloaded hook, the same for both scripts) is printed beside the
// wall time: on a loaded machine it moves much less than the wall time. Each process is started as
// scripts/bench-cold-process.ts says: compile cache off, no NODE_OPTIONS.
//   node bench/cold.bench.ts   (COLD_PAIRS: default 41; needs the client built: see bench/run.ts)
import { resolve } from 'node:path';
import { type ColdRun, runCold } from '../../../scripts/bench-cold-process.ts';
import { envNumber, loadAverage, median } from '../../../scripts/bench-stats.ts';

const TARGET = 1.25;
const pairs = envNumber('COLD_PAIRS', 41, 1);
const dir = resolve(import.meta.dirname, 'cold');
const scripts = { client: resolve(dir, 'client.mjs'), 'openapi-fetch': resolve(dir, 'openapi-fetch.mjs') } as const;
type Name = keyof typeof scripts;

const run = (name: Name): Promise<ColdRun> => runCold(scripts[name]);

console.log(`cold start: ${pairs} alternating pairs of whole processes (compile cache off); load ${loadAverage()}`);
// Not counted: the first run of each reads the files into the OS cache.
await run('client');
await run('openapi-fetch');
const rows: Array<{ client: ColdRun; base: ColdRun }> = [];
for (let i = 0; i < pairs; i++) {
  const order: Name[] = i % 2 === 0 ? ['client', 'openapi-fetch'] : ['openapi-fetch', 'client'];
  const out: Partial<Record<Name, ColdRun>> = {};
  for (const name of order) out[name] = await run(name);
  rows.push({ client: out.client as ColdRun, base: out['openapi-fetch'] as ColdRun });
}
const loadAfter = loadAverage();

const wallRatio = median(rows.map((r) => r.client.wallMs / r.base.wallMs));
const cpuRatio = median(rows.map((r) => r.client.cpuMs / r.base.cpuMs));
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
const pass = wallRatio <= TARGET;
console.log(
  [
    `  openapi-fetch alone:  wall ${ms(rows.map((r) => r.base.wallMs))}, cpu ${ms(rows.map((r) => r.base.cpuMs))} (medians)`,
    `  @atlas-kit/client:    wall ${ms(rows.map((r) => r.client.wallMs))}, cpu ${ms(rows.map((r) => r.client.cpuMs))} (medians)`,
    `  paired ratio client ÷ openapi-fetch: wall ${wallRatio.toFixed(3)}× (min ${Math.min(...rows.map((r) => r.client.wallMs / r.base.wallMs)).toFixed(2)}×, max ${Math.max(...rows.map((r) => r.client.wallMs / r.base.wallMs)).toFixed(2)}×), cpu ${cpuRatio.toFixed(3)}×`,
    `  verdict on the paired wall median: target ≤ ${TARGET}× — ${pass ? 'PASS' : 'FAIL'}`,
    `  load after: ${loadAfter}`,
  ].join('\n'),
);
if (!pass) process.exitCode = 1;
