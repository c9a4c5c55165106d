#!/usr/bin/env node
// Whole-process benchmark of the drift check: every pinned operation (the compiled fragments of
// specs/) against the 3.98 MB upstream YAML of 2025-06-30, run N times as child processes, cold
// (Node's compile cache disabled). Prints the median/min/max wall time, the CPU time, the phase split
// (from --timings), peak RSS and the load average; exits 1 when the cold wall median is above the target.
// By default it times what `atlas-drift` runs once installed: the bin on the built dist/ JavaScript
// (this package and its workspace dependencies are built first with tsc). `--source` times what
// `pnpm drift` runs in this repository instead: the TypeScript sources, type-stripped by Node on
// every cold start. The upstream is the vendored gzip copy (test/upstream/), unpacked to a temporary
// file first so the runs time YAML, not gzip; nothing outside the repository is read. `--parsers`
// also times a full parse of the same file with js-yaml 4 (used), js-yaml 5 and yaml 2 (alias limit on).
//
//   pnpm --filter @atlas-kit/drift bench [-- --runs 15 --target 450 --source --warm --parsers --no-build]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { loadAverage, median } from '../../../scripts/bench-stats.ts';

const PACKAGE_DIR = resolve(import.meta.dirname, '..');
const BIN = resolve(PACKAGE_DIR, 'bin/atlas-drift.js');
const VENDORED = resolve(PACKAGE_DIR, 'test/upstream/atlas-api-2025-06-30.yaml.gz');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    runs: { type: 'string', default: '15' },
    target: { type: 'string', default: '450' },
    warm: { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    parsers: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const target = Number(values.target);

const fmt = (n: number) => `${Math.round(n)}`;
function run(
  args: string[],
  env: NodeJS.ProcessEnv,
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

if (!values.source && !values['no-build']) {
  // the installed form: dist/ of this package and of the workspace packages it imports
  execFileSync('pnpm', ['turbo', 'run', 'build', '--filter=@atlas-kit/drift...', '--output-logs=errors-only'], {
    cwd: PACKAGE_DIR,
    stdio: 'inherit',
  });
}

const dir = mkdtempSync(join(tmpdir(), 'atlas-drift-bench-'));
try {
  const upstream = join(dir, 'atlas-api-2025-06-30.yaml');
  writeFileSync(upstream, gunzipSync(readFileSync(VENDORED)));
  const mb = (readFileSync(upstream).length / 1048576).toFixed(2);
  const args = [
    ...(values.source ? ['--conditions=@atlas-kit/source'] : []),
    BIN,
    '--upstream',
    upstream,
    '--now',
    '2026-01-10',
    '--format',
    'json',
    '--timings',
  ];
  const form = values.source ? 'TypeScript sources (pnpm drift)' : 'built dist/ (installed bin)';
  console.log(
    `atlas-drift bench: every pinned operation vs the ${mb} MB upstream YAML of 2025-06-30, ${form}, ${runs} runs per mode`,
  );
  // the machine is shared: figures mean little without the load they were taken under
  console.log(`load average (1, 5, 15 min) before: ${loadAverage()}`);

  const measure = async (mode: 'cold' | 'warm') => {
    const env = { ...process.env, ...(mode === 'cold' ? { NODE_DISABLE_COMPILE_CACHE: '1' } : {}) };
    await run(args, env); // warms the file cache (and the compile cache in warm mode), not counted
    const wall: number[] = [];
    const phases: Record<string, number[]> = {};
    let operations = 0;
    for (let i = 0; i < runs; i++) {
      const r = await run(args, env);
      if (r.code !== 0 && r.code !== 1) throw new Error(`run ${i} exited ${r.code}: ${r.stderr.trim()}`);
      wall.push(r.ms);
      const report = JSON.parse(r.stdout) as { operations: unknown[]; timings: Record<string, number> };
      operations = report.operations.length;
      for (const [k, v] of Object.entries(report.timings)) {
        phases[k] ??= [];
        phases[k].push(v);
      }
    }
    const p = (k: string) => median(phases[k] ?? [0]);
    console.log(
      `\n[${mode}: compile cache ${mode === 'cold' ? 'disabled' : 'reused'}] ${operations} operations checked per run`,
    );
    console.log(
      `wall (spawn → exit):  median ${fmt(median(wall))} ms, min ${fmt(Math.min(...wall))} ms, max ${fmt(Math.max(...wall))} ms`,
    );
    console.log(
      `phases (median, ms):  node start + module load ${fmt(p('startupMs'))} | read ${fmt(p('upstreamReadMs'))} | parse ${fmt(p('parseMs'))} (whole document) | resolve ${fmt(p('resolveMs'))} | compare ${fmt(p('compareMs'))} | render ${fmt(p('renderMs'))} | total in-process ${fmt(p('totalMs'))}`,
    );
    console.log(`cpu (user + system):  median ${fmt(p('cpuMs'))} ms`);
    console.log(`memory:               peak RSS (maxRSS) median ${fmt(p('maxRssMB'))} MB`);
    return median(wall);
  };

  const cold = await measure('cold');
  if (values.warm) await measure('warm');
  console.log(`\nload average (1, 5, 15 min) after: ${loadAverage()}`);

  if (values.parsers) {
    // each parser loads the same file in a fresh process: import + full parse
    const script = (mod: string, call: string) =>
      `const t0=performance.now();const m=await import(${JSON.stringify(mod)});const t1=performance.now();` +
      `const text=(await import('node:fs')).readFileSync(${JSON.stringify(upstream)},'utf8');const t2=performance.now();` +
      `${call};const t3=performance.now();` +
      `console.log(JSON.stringify({importMs:t1-t0,parseMs:t3-t2,maxRssMB:process.resourceUsage().maxRSS/1024}))`;
    const parsers: Array<[string, string]> = [
      ['js-yaml 4.3.2 (load, core schema)', script('js-yaml', 'm.load(text,{schema:m.CORE_SCHEMA})')],
      ['js-yaml 5.5.0 (load, core schema)', script('js-yaml-5', 'm.load(text,{schema:m.CORE_SCHEMA})')],
      ['yaml 2.9.1 (parse, maxAliasCount 100)', script('yaml', 'm.parse(text,{maxAliasCount:100})')],
    ];
    const n = Math.max(3, Math.min(runs, 7));
    console.log(`\nfull-document parse of ${mb} MB, ${n} fresh processes each (median):`);
    for (const [name, code] of parsers) {
      const parse: number[] = [];
      const rss: number[] = [];
      const walls: number[] = [];
      for (let i = 0; i < n; i++) {
        const r = await run(['--input-type=module', '-e', code], process.env);
        if (r.code !== 0) throw new Error(`${name}: ${r.stderr.trim().split('\n')[0]}`);
        const m = JSON.parse(r.stdout) as { parseMs: number; maxRssMB: number };
        parse.push(m.parseMs);
        rss.push(m.maxRssMB);
        walls.push(r.ms);
      }
      console.log(
        `  ${name.padEnd(40)} parse ${fmt(median(parse)).padStart(5)} ms | process ${fmt(median(walls)).padStart(5)} ms | peak RSS ${fmt(median(rss))} MB`,
      );
    }
  }

  const ok = cold <= target;
  console.log(`\ntarget ${target} ms on the cold median: ${fmt(cold)} ms, ${ok ? 'OK' : 'ABOVE TARGET'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
