// One whole Node process, started as a user's would be for the first time: no NODE_OPTIONS (so no
// @atlas-kit/source condition: packages resolve to dist/) and Node's compile cache off, so it
// compiles every module it loads. The cold-start benches of client and mocks compare two of these.
import { spawn } from 'node:child_process';

const cpuTime = new URL('./bench-cpu-time.mjs', import.meta.url).href;
const env: NodeJS.ProcessEnv = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
delete env.NODE_COMPILE_CACHE;
delete env.NODE_OPTIONS;

export interface ColdRun {
  /** From spawn to exit. */
  wallMs: number;
  /** User + system, as the child measured it at exit (bench-cpu-time.mjs, preloaded). */
  cpuMs: number;
}

/** Runs `file` once; rejects with the end of its stderr when it fails. */
export function runCold(file: string): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', cpuTime, file], {
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let cpu = '';
    child.stderr?.on('data', (c: Buffer) => {
      if (stderr.length < 4000) stderr += c.toString();
    });
    child.stdio[3]?.on('data', (c: Buffer) => {
      cpu += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const [user, system] = cpu.trim().split(' ').map(Number);
      if (code !== 0 || user === undefined || system === undefined || Number.isNaN(user + system)) {
        reject(new Error(`${file} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      resolve({ wallMs, cpuMs: (user + system) / 1000 });
    });
  });
}
