// `pnpm bench:test`: how long a cold `pnpm test` takes, as on a fresh clone with dependencies
// installed — no turbo cache (`--force`), no Vite or vitest caches, no old reports. Runs it RUNS
// times (default 3), prints each run's wall time, the machine's CPU time over it (from /proc/stat,
// so Chromium's and every worker's share is counted, which `time` misses for processes it does not
// reap) and the three longest tasks, then the median against the target. Exits 1 when a run fails
// or the median is above TARGET_S (default 50).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const runs = positiveInteger('RUNS', 3);
const target = positiveInteger('TARGET_S', 50);
const logDir = join(root, '.bench');
const summaries = join(root, '.turbo', 'runs');

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`bench-cold-test: ${name} must be a whole number >= 1, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

/** User+nice and system+irq+softirq seconds of the whole machine, or undefined off Linux. */
function machineCpu(): { user: number; sys: number } | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  // The first line: cpu user nice system idle iowait irq softirq …, in 1/100 s.
  const ticks = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, sys = 0, , , irq = 0, softirq = 0] = ticks;
  return { user: (user + nice) / 100, sys: (sys + irq + softirq) / 100 };
}

/** What a fresh clone does not have: Vite's and vitest's caches, the test reports. */
function clearCaches(): void {
  const dirs = [join(root, 'node_modules', '.vite')];
  for (const name of readdirSync(join(root, 'packages'))) {
    dirs.push(join(root, 'packages', name, 'node_modules', '.vite'), join(root, 'packages', name, '.test-results'));
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  rmSync(summaries, { recursive: true, force: true });
}

/** The three longest tasks of the run's turbo summary. */
function longestTasks(): string {
  if (!existsSync(summaries)) return '';
  const file = readdirSync(summaries).find((f) => f.endsWith('.json'));
  if (!file) return '';
  const summary = JSON.parse(readFileSync(join(summaries, file), 'utf8')) as {
    tasks: { taskId: string; execution: { startTime: number; endTime: number } }[];
  };
  return summary.tasks
    .map((t) => ({ id: t.taskId, s: (t.execution.endTime - t.execution.startTime) / 1000 }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 3)
    .map((t) => `${t.id} ${t.s.toFixed(1)} s`)
    .join(', ');
}

function run(log: string): Promise<number> {
  const out = openSync(log, 'w');
  const args = [
    'turbo',
    'run',
    'biome',
    'lint',
    'typecheck',
    'test',
    '--force',
    '--summarize',
    '--continue=dependencies-successful',
  ];
  return new Promise((resolve) => {
    const child = spawn('pnpm', args, { cwd: root, stdio: ['ignore', out, out] });
    child.once('error', () => resolve(127));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

mkdirSync(logDir, { recursive: true });
console.log(`cold pnpm test, ${runs} run(s), target median <= ${target} s; load average ${loadavg()[0]?.toFixed(2)}`);
const walls: number[] = [];
let failed = false;
for (let i = 1; i <= runs; i++) {
  clearCaches();
  const log = join(logDir, `cold-test-${i}.log`);
  const cpu0 = machineCpu();
  const t0 = performance.now();
  const code = await run(log);
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = machineCpu();
  walls.push(wall);
  const cpu =
    cpu0 && cpu1
      ? `, machine CPU ${(cpu1.user - cpu0.user).toFixed(0)} s user + ${(cpu1.sys - cpu0.sys).toFixed(0)} s system`
      : '';
  console.log(
    `run ${i}: ${wall.toFixed(1)} s${cpu}; longest: ${longestTasks()}${code === 0 ? '' : ` — FAILED (exit ${code}, see ${log})`}`,
  );
  if (code !== 0) failed = true;
}
rmSync(summaries, { recursive: true, force: true });
const sorted = [...walls].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
const verdict = !failed && median <= target ? 'PASS' : 'FAIL';
console.log(
  `median ${median.toFixed(1)} s (min ${sorted[0]?.toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)}): ${verdict}`,
);
process.exitCode = verdict === 'PASS' ? 0 : 1;
