// Throughput over real loopback HTTP: one downloadClusterBackupTenant call through the client
// (service-account middleware on, token cached, input validated against the spec, versioned media
// types, deprecation headers read, answer parsed and checked) against a raw fetch of the same
// request (same URL, headers and body; JSON parsed), one request at a time, to the same node:http
// server on 127.0.0.1 (keep-alive) running in a process of its own (bench/loopback-server.ts), as a
// user's server is not in the user's process. Target: client ≥ 0.9× raw fetch, on the median of
// the per-round paired ratios of requests per second.
//   node --conditions=@atlas-kit/source bench/client-vs-fetch.bench.ts
//   (BENCH_TIME_MS: time per task in all, default 15000; BENCH_BLOCK: requests per block, default 40;
//   BENCH_WARMUP_MS: default 3000)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { operation } from '@atlas-kit/openapi';
import { envNumber, loadAverage, median } from '../../../scripts/bench-stats.ts';
import { createAtlasClient } from '../src/index.ts';
import { SNAPSHOT, TOKEN } from './loopback-server.ts';

const TARGET = 0.9;
const timeMs = envNumber('BENCH_TIME_MS', 15_000, 1);
const block = envNumber('BENCH_BLOCK', 40, 1);
const warmupMs = envNumber('BENCH_WARMUP_MS', 3000, 1);
const GROUP = '5e2211c17a3e5a48f5497de3';
const op = operation('downloadClusterBackupTenant');

const server = spawn(
  process.execPath,
  ['--conditions=@atlas-kit/source', resolve(import.meta.dirname, 'loopback-server.ts')],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
// The server goes with this process, however it ends.
process.on('exit', () => server.kill('SIGTERM'));
const [line] = (await Promise.race([
  once(createInterface({ input: server.stdout as NodeJS.ReadableStream }), 'line'),
  once(server, 'exit').then(([code]) => {
    throw new Error(`bench/loopback-server.ts exited (${code}) before it listened`);
  }),
])) as [string];
const baseUrl = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;

const client = createAtlasClient({
  baseUrl,
  auth: { type: 'serviceAccount', clientId: 'bench-client', clientSecret: 'bench-secret' },
  onDeprecation: () => {},
});
const path = { groupId: GROUP, clusterName: 'Cluster0' };
const body = { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' };
const url = `${baseUrl}${op.path.replace('{groupId}', GROUP).replace('{clusterName}', 'Cluster0')}`;

const viaClient = async () => {
  const r = await client.downloadClusterBackupTenant(path, body);
  if (r.data.status !== 'PENDING') throw new Error('unexpected answer');
};
const viaFetch = async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { Accept: op.mediaType, 'Content-Type': op.mediaType, Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const data = (await response.json()) as { status: string };
  if (data.status !== 'PENDING') throw new Error('unexpected answer');
};

// Warm up: the token is fetched and cached here, connections opened, the lazily loaded parts that
// this call needs (the deprecation header parser) loaded, and both paths (undici's included)
// optimised by the JIT — which takes seconds, not a few hundred calls: with a short warm-up the
// first blocks run at half speed and their ratios swing widely.
const warmupUntil = performance.now() + warmupMs;
while (performance.now() < warmupUntil) {
  for (let i = 0; i < 50; i++) await viaClient();
  for (let i = 0; i < 50; i++) await viaFetch();
}

interface Block {
  /** Wall time of the block's requests, one after the other, in ms. */
  ms: number;
  /** CPU time (user + system) of this process during the block, in µs: the client side only. */
  cpuUs: number;
}

async function run(fn: () => Promise<void>): Promise<Block> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < block; i++) await fn();
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { ms, cpuUs: used.user + used.system };
}

// The machine is shared (2 cores, other jobs running): its load changes within seconds, by more
// than the client's overhead. So the two tasks run in short blocks of the same number of requests,
// back to back, alternating which goes first, and the verdict is taken on the PAIRED ratio (raw
// fetch's time ÷ the client's time for the same number of requests, measured side by side under
// about the same load), summarised by its median over all pairs: a load spike that hit one block
// moves that pair's ratio, not the median. CPU per request is printed beside it.
const pairs: Array<{ raw: Block; client: Block }> = [];
const loadBefore = loadAverage();
let spent = 0;
while (spent < 2 * timeMs) {
  let raw: Block;
  let viaAtlas: Block;
  if (pairs.length % 2 === 0) {
    raw = await run(viaFetch);
    viaAtlas = await run(viaClient);
  } else {
    viaAtlas = await run(viaClient);
    raw = await run(viaFetch);
  }
  pairs.push({ raw, client: viaAtlas });
  spent += raw.ms + viaAtlas.ms;
}
const loadAfter = loadAverage();
const tokenRequests = Number(await (await fetch(`${baseUrl}/bench/token-requests`)).text());
server.kill('SIGTERM');

const ratios = pairs.map((p) => p.raw.ms / p.client.ms);
const cpuRatios = pairs.map((p) => p.raw.cpuUs / p.client.cpuUs);
const ratio = median(ratios);
const pass = ratio >= TARGET && tokenRequests === 1;
const per = (key: 'raw' | 'client') =>
  `${median(pairs.map((p) => (1000 * block) / p[key].ms)).toFixed(0)} requests/s, cpu ${median(pairs.map((p) => p[key].cpuUs / block)).toFixed(0)} µs/request`;
const quartiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${(s[Math.floor(s.length / 4)] as number).toFixed(2)}–${(s[Math.floor((3 * s.length) / 4)] as number).toFixed(2)}×`;
};
console.log(
  [
    `throughput over loopback HTTP: ${pairs.length} alternating pairs of ${block}-request blocks; load ${loadBefore}`,
    `  raw fetch:          ${per('raw')} (medians over the blocks)`,
    `  @atlas-kit/client:  ${per('client')} (medians over the blocks)`,
    `  paired ratio client ÷ raw fetch: requests/s ${ratio.toFixed(3)}× (middle half ${quartiles(ratios)}); cpu per request, raw ÷ client: ${median(cpuRatios).toFixed(3)}× (middle half ${quartiles(cpuRatios)})`,
    `  token requests during the whole run: ${tokenRequests} (1 expected: the token is cached)`,
    `  verdict on the paired requests/s median: target ≥ ${TARGET}× — ${pass ? 'PASS' : 'FAIL'}`,
    `  load after: ${loadAfter}`,
  ].join('\n'),
);
if (!pass) process.exitCode = 1;
