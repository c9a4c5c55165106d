// In-process requests per second through the Atlas handlers against a bare msw handler that
// returns the same static JSON, both resolved the same way: msw's getResponse (what the HTTP
// server uses), a fresh Request per iteration, the answer body read to the end.
// Run: pnpm --filter @atlas-kit/mocks bench   (BENCH_TIME=ms per task, default 3000)
import { operation } from '@atlas-kit/openapi';
import { getResponse, HttpResponse, http } from 'msw';
import { Bench } from 'tinybench';
import { createAtlasHandlers } from '../src/index.ts';

const time = Number(process.env.BENCH_TIME ?? 3000);
const origin = 'https://cloud.mongodb.com';
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

const rows: Record<string, string | number>[] = [];
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

  const bench = new Bench({ time, warmupTime: 500 });
  const run = (list: typeof handlers) => async () => {
    const response = await getResponse(list, request());
    if (response?.status !== 200) throw new Error(`unexpected ${response?.status}`);
    await response.text();
  };
  bench.add('bare msw handler', run(bare)).add('@atlas-kit/mocks', run(handlers));
  await bench.run();
  const hz = (name: string) => {
    const result = bench.getTask(name)?.result as
      | { throughput?: { mean: number; rme: number }; error?: unknown }
      | undefined;
    if (!result?.throughput) throw new Error(`${c.name} / ${name}: no result (${String(result?.error)})`);
    return result.throughput;
  };
  const b = hz('bare msw handler');
  const m = hz('@atlas-kit/mocks');
  rows.push({
    request: c.name,
    'bare ops/s': Math.round(b.mean),
    'mocks ops/s': Math.round(m.mean),
    ratio: Number((m.mean / b.mean).toFixed(2)),
    '±% (bare/mocks)': `${b.rme.toFixed(1)} / ${m.rme.toFixed(1)}`,
  });
}
console.table(rows);
const worst = Math.min(...rows.map((r) => Number(r.ratio)));
console.log(`target ≥ 0.70× the bare handler: ${worst >= 0.7 ? 'met' : 'NOT met'} (worst ratio ${worst})`);
