#!/usr/bin/env node
// Whole-process benchmark of the drift check: runs the real bin N times as child processes
// against the 3.8 MB upstream YAML (parsed in full on every run) and prints median/min/max wall
// time, the in-process phase split (from --timings), peak RSS and the load average, cold (Node's
// compile cache disabled) and warm (cache reused). `--parsers` also compares full parses with
// yaml 2.9.1 and js-yaml 4.x/5.x, each in a fresh process (that comparison chose js-yaml 4).
//
//   pnpm --filter @atlas-kit/drift bench [-- --runs 15 --upstream FILE --budget 600 --parsers]
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const PACKAGE_DIR = resolve(import.meta.dirname, '..');
const BIN = resolve(PACKAGE_DIR, 'bin/atlas-drift.ts');
const DEFAULT_UPSTREAM = resolve(PACKAGE_DIR, '../../../shared/upstream/atlas-api-2025-06-30.yaml');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    runs: { type: 'string', default: '15' },
    upstream: { type: 'string', default: DEFAULT_UPSTREAM },
    budget: { type: 'string', default: '600' },
    parsers: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const budget = Number(values.budget);
const upstream = resolve(values.upstream as string);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (n: number) => `${Math.round(n)}`;

function run(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: PACKAGE_DIR, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ ms: performance.now() - t0, code, stdout, stderr }));
  });
}

const mb = (statSync(upstream).size / 1048576).toFixed(1);
const args = [
  '--conditions=@atlas-kit/source',
  BIN,
  '--upstream',
  upstream,
  '--now',
  '2026-01-10',
  '--format',
  'json',
  '--timings',
];
console.log(`atlas-drift bench: ${runs} runs per mode of node bin/atlas-drift.ts --upstream ${upstream} (${mb} MB)`);
// the machine is shared: figures mean little without the load they were taken under
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
console.log(`load average (1, 5, 15 min) before: ${load()} on ${availableParallelism()} CPUs`);

/** cold = NODE_DISABLE_COMPILE_CACHE=1 (every run strips and compiles the .ts modules, like a first run in CI) */
async function measure(mode: 'cold' | 'warm') {
  const env = { ...process.env, ...(mode === 'cold' ? { NODE_DISABLE_COMPILE_CACHE: '1' } : {}) };
  await run(args, env); // warms the file cache (and the compile cache in warm mode), not counted
  const wall: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    const r = await run(args, env);
    if (r.code !== 0 && r.code !== 1) throw new Error(`run ${i} exited ${r.code}: ${r.stderr.trim()}`);
    wall.push(r.ms);
    const { timings } = JSON.parse(r.stdout) as { timings: Record<string, number> };
    for (const [k, v] of Object.entries(timings)) {
      phases[k] ??= [];
      phases[k].push(v);
    }
  }
  const p = (k: string) => median(phases[k] ?? [0]);
  console.log(`\n[${mode}${mode === 'cold' ? ': compile cache disabled' : ': compile cache reused'}]`);
  console.log(
    `wall (spawn → exit):  median ${fmt(median(wall))} ms, min ${fmt(Math.min(...wall))} ms, max ${fmt(Math.max(...wall))} ms`,
  );
  console.log(
    `phases (median, ms):  node start + module load ${fmt(p('startupMs'))} | read ${fmt(p('upstreamReadMs'))} | parse ${fmt(p('parseMs'))} (whole document) | resolve ${fmt(p('resolveMs'))} | compare ${fmt(p('compareMs'))} | render ${fmt(p('renderMs'))} | total in-process ${fmt(p('totalMs'))}`,
  );
  console.log(
    `memory:               peak RSS (maxRSS) median ${fmt(p('maxRssMB'))} MB, max ${fmt(Math.max(...(phases.maxRssMB ?? [0])))} MB`,
  );
  return median(wall);
}

const cold = await measure('cold');
const warm = await measure('warm');
const ok = cold <= budget;
console.log(`\nload average (1, 5, 15 min) after: ${load()}`);
console.log(
  `\nbudget ${budget} ms on the cold median (${fmt(cold)} ms; warm ${fmt(warm)} ms): ${ok ? 'OK' : 'OVER BUDGET'}`,
);

if (values.parsers) {
  // each parser loads the same file in a fresh process: import + full parse
  const script = (mod: string, call: string) =>
    `const t0=performance.now();const m=await import(${JSON.stringify(mod)});const t1=performance.now();` +
    `const text=(await import('node:fs')).readFileSync(${JSON.stringify(upstream)},'utf8');const t2=performance.now();` +
    `${call};const t3=performance.now();` +
    `console.log(JSON.stringify({importMs:t1-t0,parseMs:t3-t2,maxRssMB:process.resourceUsage().maxRSS/1024}))`;
  const parsers: Array<[string, string]> = [
    ['yaml 2.9.1 (parse)', script('yaml', 'm.parse(text,{maxAliasCount:-1})')],
    ['js-yaml 5.5.0 (load, core schema)', script('js-yaml-5', 'm.load(text,{schema:m.CORE_SCHEMA})')],
    ['js-yaml 4.3.2 (load, core schema)', script('js-yaml', 'm.load(text,{schema:m.CORE_SCHEMA})')],
  ];
  const n = Math.max(3, Math.min(runs, 7));
  console.log(`\nfull-document parse of ${mb} MB, ${n} fresh processes each (median):`);
  for (const [name, code] of parsers) {
    const parse: number[] = [];
    const rss: number[] = [];
    const walls: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = await run(['--input-type=module', '-e', code]);
      if (r.code !== 0) throw new Error(`${name}: ${r.stderr.trim().split('\n')[0]}`);
      const m = JSON.parse(r.stdout) as { parseMs: number; maxRssMB: number };
      parse.push(m.parseMs);
      rss.push(m.maxRssMB);
      walls.push(r.ms);
    }
    console.log(
      `  ${name.padEnd(36)} parse ${fmt(median(parse)).padStart(5)} ms | process ${fmt(median(walls)).padStart(5)} ms | peak RSS ${fmt(median(rss))} MB`,
    );
  }
}
process.exit(ok ? 0 : 1);
