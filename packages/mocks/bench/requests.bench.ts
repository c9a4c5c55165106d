// In-process requests per second through the Atlas handlers against a bare msw handler doing the
// same, both resolved the same way: msw's getResponse (what the HTTP server uses), a fresh Request
// per iteration, the answer body read to the end. Target: mocks ≥ 0.7× bare msw, GET and POST.
//
// "Doing the same": the bare handler answers the mock's first answer as a constant, and the bare
// POST handler reads and parses its JSON body, as any handler that creates a resource from a
// request must (the mock reads, checks and stores it). A bare POST that never touched its body
// would leave msw's body clone unread and compare the mock against less work than a POST is.
//
// Two shared cores and other jobs make the absolute numbers drift within seconds, so the two
// handlers are never timed far apart: ROUNDS short rounds time both, interleaved (see the loop),
// and the verdict is each side's requests ÷ its time over all rounds. Beside the wall time, each
// task's CPU time (user + system of this process while it ran) is measured: ops per CPU-second
// do not count the time another job had the core. Both ratios must meet the target.
//
// Run: pnpm --filter @atlas-kit/mocks bench:requests   (ROUNDS=20, RUNS=1000 requests per side and
// round, WARMUP=3000 ms, BENCH_TARGET=0.7). Exit 1 when a ratio is below the target.
import { atlasServerUrl, operation } from '@atlas-kit/openapi';
import { getResponse, HttpResponse, http } from 'msw';
import { Bench } from 'tinybench';
import { envNumber, loadAverage, median } from '../../../scripts/bench-stats.ts';
import { createAtlasHandlers } from '../src/index.ts';

const runsPerTask = envNumber('RUNS', 1000, 10);
const rounds = envNumber('ROUNDS', 20, 1);
const target = envNumber('BENCH_TARGET', 0.7, 0);
const warmup = envNumber('WARMUP', 3000, 0);
const origin = atlasServerUrl;
const clock = () => new Date('2025-12-01T12:00:00Z');

interface Case {
  name: string;
  operationId: 'getBackupTenantRestore' | 'downloadClusterBackupTenant';
  body?: string;
}

const cases: Case[] = [
  { name: 'GET  poll (getBackupTenantRestore)', operationId: 'getBackupTenantRestore' },
  {
    name: 'POST download (downloadClusterBackupTenant)',
    operationId: 'downloadClusterBackupTenant',
    body: JSON.stringify({ snapshotId: '6561d0b5c8ff4d3a1f2e9a07', targetDeploymentItemName: 'Cluster0' }),
  },
];

type Run = () => Promise<void>;

interface Rate {
  /** Operations per second of wall time. */
  wall: number;
  /** Operations per second of this process's CPU time. */
  cpu: number;
}

interface Timed {
  runs: number;
  wallMs: number;
  cpuMs: number;
}

/**
 * One task run alone `runs` times (no warm-up: uncounted rounds warm up first), with the elapsed
 * wall time and the CPU time this process used meanwhile. A fixed number of runs, not a fixed
 * time: under a load of 10 on 2 cores, 0.3 s of wall time held a few dozen runs, and one garbage
 * collection decided the round. Elapsed time, not the sum of per-run latencies: a collection
 * between two runs costs throughput too. (Forcing one before each task instead slowed both sides
 * by a third, diluting the ratio.)
 */
async function measure(name: string, fn: Run, runs: number): Promise<Timed> {
  let started = 0;
  let wallMs = 0;
  let cpuStart = process.cpuUsage();
  let cpu = { user: 0, system: 0 };
  const bench = new Bench({ iterations: runs, time: 0, warmup: false });
  bench.add(name, fn, {
    beforeAll: () => {
      cpuStart = process.cpuUsage();
      started = performance.now();
    },
    afterAll: () => {
      wallMs = performance.now() - started;
      cpu = process.cpuUsage(cpuStart);
    },
  });
  await bench.run();
  const result = bench.getTask(name)?.result as { latency?: { samplesCount: number }; error?: unknown } | undefined;
  const done = result?.latency?.samplesCount;
  if (!done) throw new Error(`${name}: no result (${String(result?.error)})`);
  return { runs: done, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const rate = (parts: Timed[]): Rate => {
  const sum = (key: keyof Timed) => parts.reduce((total, part) => total + part[key], 0);
  return { wall: sum('runs') / (sum('wallMs') / 1000), cpu: sum('runs') / (sum('cpuMs') / 1000) };
};

const loadBefore = loadAverage();
const rows: Record<string, string | number>[] = [];
let failed = false;
for (const c of cases) {
  const facts = operation(c.operationId);
  // A bucket big enough that no iteration is rate-limited (a 429 would be a cheaper answer).
  const { handlers, atlas } = createAtlasHandlers({ clock, rateLimit: { capacity: Number.MAX_SAFE_INTEGER } });
  const job = atlas.seedRestoreJob({ api: 'tenant', status: 'COMPLETED' });
  const path = facts.path
    .replace('{groupId}', job.groupId)
    .replace('{clusterName}', job.clusterName)
    .replace('{restoreId}', job.id);
  const url = `${origin}${path}`;
  const headers = { authorization: 'Bearer bench-token', accept: facts.mediaType, 'content-type': facts.mediaType };
  const request = () => new Request(url, { method: facts.method, headers, ...(c.body ? { body: c.body } : {}) });

  // The bare handler answers what ours answers, as a constant (see the top of this file).
  const first = await getResponse(handlers, request());
  if (first?.status !== 200) throw new Error(`${c.name}: the mock answered ${first?.status}, not 200`);
  const staticJson = await first.json();
  const answer = () => HttpResponse.json(staticJson, { headers: { 'Content-Type': facts.mediaType } });
  const pattern = `${origin}${facts.mswPath}`;
  const bare =
    facts.method === 'POST'
      ? [
          http.post(pattern, async ({ request }) => {
            const body = (await request.json()) as { snapshotId?: unknown };
            if (typeof body.snapshotId !== 'string') throw new Error('the bare handler got no snapshotId');
            return answer();
          }),
        ]
      : [http.get(pattern, answer)];
  const run =
    (list: typeof handlers): Run =>
    async () => {
      const response = await getResponse(list, request());
      if (response?.status !== 200) throw new Error(`unexpected ${response?.status}`);
      await response.text();
    };
  const tasks = { bare: run(bare), mocks: run(handlers) };

  // Uncounted rounds first, until WARMUP ms have passed: both paths (msw's and undici's included)
  // keep getting faster for seconds while the JIT optimises them, and a task timed before that
  // settles gives a ratio far from the rest.
  const warmUntil = performance.now() + warmup;
  while (performance.now() < warmUntil) {
    for (const which of ['bare', 'mocks'] as const) await measure(`${c.name} / ${which} (warm-up)`, tasks[which], 200);
  }

  const all: Record<'bare' | 'mocks', Timed[]> = { bare: [], mocks: [] };
  const wallRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // A round times each side twice, half its runs each time, in the order A B B A (bare first
    // in even rounds, the mocks in odd ones), so that a drift in load hits both sides alike.
    const [a, b] = round % 2 === 0 ? (['bare', 'mocks'] as const) : (['mocks', 'bare'] as const);
    const parts: Record<'bare' | 'mocks', Timed[]> = { bare: [], mocks: [] };
    for (const which of [a, b, b, a]) {
      parts[which].push(await measure(`${c.name} / ${which}`, tasks[which], Math.ceil(runsPerTask / 2)));
    }
    all.bare.push(...parts.bare);
    all.mocks.push(...parts.mocks);
    wallRatios.push(rate(parts.mocks).wall / rate(parts.bare).wall);
  }
  // The verdict is on all rounds together (each side's runs ÷ its time), not on the median of
  // the per-round ratios: those alternated with the order, between about 0.55 and 1.2 for GET,
  // so their median swung with how many of each there were. (Likely cause: a full garbage
  // collection of about 0.2 s every few seconds, which --trace-gc shows for both sides, landing
  // at the same place in rounds of a fixed length.) Over all rounds, both sides meet those
  // collections in proportion to the garbage they make.
  const bareRate = rate(all.bare);
  const mocksRate = rate(all.mocks);
  const wallRatio = mocksRate.wall / bareRate.wall;
  const cpuRatio = mocksRate.cpu / bareRate.cpu;
  const pass = wallRatio >= target && cpuRatio >= target;
  failed ||= !pass;
  rows.push({
    request: c.name,
    'bare ops/s': Math.round(bareRate.wall),
    'mocks ops/s': Math.round(mocksRate.wall),
    'wall ratio': Number(wallRatio.toFixed(2)),
    'bare ops/CPU-s': Math.round(bareRate.cpu),
    'mocks ops/CPU-s': Math.round(mocksRate.cpu),
    'CPU ratio': Number(cpuRatio.toFixed(2)),
    'round ratio median': Number(median(wallRatios).toFixed(2)),
    verdict: pass ? 'PASS' : 'FAIL',
  });
  console.log(`${c.name}: wall ratio per round ${wallRatios.map((r) => r.toFixed(2)).join(' ')}`);
}
console.table(rows);
console.log(
  [
    `requests through getResponse, mocks ÷ bare msw over ${rounds} rounds × ${runsPerTask} requests per side (order A B B A; 'round ratio median' for the spread):`,
    `  load average (1/5/15 min) before: ${loadBefore}, after: ${loadAverage()}; ${process.version}`,
    `  target: wall and CPU ratios ≥ ${target} — ${failed ? 'FAIL' : 'PASS'}`,
  ].join('\n'),
);
if (failed) process.exitCode = 1;
