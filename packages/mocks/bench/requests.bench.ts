// In-process requests per second through the Atlas handlers against a bare msw handler that
// returns the same static JSON, both resolved the same way: msw's getResponse (what the HTTP
// server uses), a fresh Request per iteration, the answer body read to the end.
//
// Two shared cores and other jobs make the absolute numbers drift within seconds, so the two
// handlers are never timed far apart: ROUNDS short rounds time both, swapping which goes first
// each round, and the verdict uses the median of the per-round (paired) ratios.
//
// Run: pnpm --filter @atlas-kit/mocks bench   (ROUNDS=6, BENCH_TIME=ms per task and round, default 500,
// BENCH_TARGET=0.7)
// Exit 1 when a median ratio is below the target.
import { atlasServerUrl, operation } from '@atlas-kit/openapi';
import { getResponse, HttpResponse, http } from 'msw';
import { Bench } from 'tinybench';
import { createAtlasHandlers } from '../src/index.ts';

const time = Number(process.env.BENCH_TIME ?? 500);
const rounds = Number(process.env.ROUNDS ?? 6);
const target = Number(process.env.BENCH_TARGET ?? 0.7);
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

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

type Run = () => Promise<void>;

/** ops/s of one task timed alone for `time` ms (after a short warm-up). */
async function opsPerSecond(name: string, fn: Run): Promise<number> {
  const bench = new Bench({ time, warmupTime: 100 });
  bench.add(name, fn);
  await bench.run();
  const result = bench.getTask(name)?.result as { throughput?: { mean: number }; error?: unknown } | undefined;
  if (!result?.throughput) throw new Error(`${name}: no result (${String(result?.error)})`);
  return result.throughput.mean;
}

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

  // The bare handler answers what ours answers, as a constant.
  const first = await getResponse(handlers, request());
  if (first?.status !== 200) throw new Error(`${c.name}: the mock answered ${first?.status}, not 200`);
  const staticJson = await first.json();
  const bare = [
    http[facts.method === 'POST' ? 'post' : 'get'](`${origin}${facts.path.replace(/\{(\w+)\}/g, ':$1')}`, () =>
      HttpResponse.json(staticJson, { headers: { 'Content-Type': facts.mediaType } }),
    ),
  ];
  const run =
    (list: typeof handlers): Run =>
    async () => {
      const response = await getResponse(list, request());
      if (response?.status !== 200) throw new Error(`unexpected ${response?.status}`);
      await response.text();
    };
  const tasks = { bare: run(bare), mocks: run(handlers) };

  // One uncounted round first: the first timed task of a process otherwise pays for JIT warm-up
  // the other does not (it showed as a first-round ratio far from the rest).
  for (const which of ['bare', 'mocks'] as const) await opsPerSecond(`${c.name} / ${which} (warm-up)`, tasks[which]);

  const bareHz: number[] = [];
  const mocksHz: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Even rounds time bare first, odd rounds mocks first: a drift in load hits both orders alike.
    const order = round % 2 === 0 ? (['bare', 'mocks'] as const) : (['mocks', 'bare'] as const);
    const hz: Record<string, number> = {};
    for (const which of order) hz[which] = await opsPerSecond(`${c.name} / ${which}`, tasks[which]);
    bareHz.push(hz.bare as number);
    mocksHz.push(hz.mocks as number);
    ratios.push((hz.mocks as number) / (hz.bare as number));
  }
  const medianRatio = median(ratios);
  const pass = medianRatio >= target;
  failed ||= !pass;
  rows.push({
    request: c.name,
    'bare ops/s (median)': Math.round(median(bareHz)),
    'mocks ops/s (median)': Math.round(median(mocksHz)),
    'ratio median': Number(medianRatio.toFixed(2)),
    'ratio min': Number(Math.min(...ratios).toFixed(2)),
    verdict: pass ? 'PASS' : 'FAIL',
  });
  console.log(`${c.name}: per-round ratios ${ratios.map((r) => r.toFixed(2)).join(' ')}`);
}
console.table(rows);
console.log(
  `${rounds} rounds × ${time} ms per task, order swapped each round; target: median ratio ≥ ${target} — ${failed ? 'FAIL' : 'PASS'}`,
);
if (failed) process.exitCode = 1;
