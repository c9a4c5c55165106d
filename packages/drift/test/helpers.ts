import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const PACKAGE_DIR = resolve(import.meta.dirname, '..');
export const REPO_ROOT = resolve(PACKAGE_DIR, '../..');
/** reference data beside the repo (never copied into it) */
export const SHARED_UPSTREAM = resolve(REPO_ROOT, '../shared/upstream');
export const UPSTREAM = {
  '2025-06-30': resolve(SHARED_UPSTREAM, 'atlas-api-2025-06-30.yaml'),
  '2026-03-05': resolve(SHARED_UPSTREAM, 'atlas-api-transformed-2026-03-05.yaml'),
  '2026-08-13': resolve(SHARED_UPSTREAM, 'atlas-api-transformed-2026-08-13.yaml'),
};
export const BIN = resolve(PACKAGE_DIR, 'bin/atlas-drift.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the real bin as a child process (no TTY: stdout is a pipe). */
export function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...options.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--conditions=@atlas-kit/source', BIN, ...args], {
      cwd: options.cwd ?? PACKAGE_DIR,
      env: env as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

export const triples = (changes: Array<{ severity: string; kind: string; location: string }>) =>
  changes.map((c) => `${c.severity} ${c.kind} ${c.location}`).sort();
