import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const PACKAGE_DIR = resolve(import.meta.dirname, '..');
export const REPO_ROOT = resolve(PACKAGE_DIR, '../..');
/** gzip copies of the upstream snapshots, vendored with their commit and licence (test/upstream/README.md) */
export const VENDORED = resolve(PACKAGE_DIR, 'test/upstream');
export const UPSTREAM = {
  '2025-06-30': resolve(VENDORED, 'atlas-api-2025-06-30.yaml.gz'),
  '2026-03-05': resolve(VENDORED, 'atlas-api-transformed-2026-03-05.yaml.gz'),
  '2026-08-13': resolve(VENDORED, 'atlas-api-transformed-2026-08-13.yaml.gz'),
};
export const BIN = resolve(PACKAGE_DIR, 'bin/atlas-drift.js');

/** A temporary folder for this test file, removed when the file's tests end. */
export function tempDir(prefix: string): { dir: string; file: (name: string, text: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment of a CLI run: this process's, colour settings left out, `extra` over it (undefined unsets). */
function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...extra,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as Record<string, string>;
}

/**
 * Runs the CLI on the sources, in this process: `run(argv, io)` is all the bin does besides exiting.
 * A child process costs a Node start and a type-stripped load of every module, per test; the tests
 * of what only the bin does (its exit on an internal error, stdout as a pipe) use `runBin`.
 */
export async function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; bin?: boolean } = {},
): Promise<CliResult> {
  if (options.bin || options.cwd !== undefined) return runBin(args, options);
  const env = cliEnv(options.env);
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  };
  const { run } = await import('../src/cli.ts');
  const started = performance.now();
  const code = await run(args, io);
  return { code, stdout, stderr, ms: performance.now() - started };
}

/** Runs the real bin as a child process on the sources (no TTY: stdout is a pipe). */
export function runBin(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliResult> {
  const env = cliEnv(options.env);
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--conditions=@atlas-kit/source', BIN, ...args], {
      cwd: options.cwd ?? PACKAGE_DIR,
      env,
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

/** exit 2 contract: exactly one line on stderr, prefixed, no stack trace, nothing on stdout */
export function oneLineError(result: CliResult): string | undefined {
  const lines = result.stderr.trimEnd().split('\n');
  if (
    result.code !== 2 ||
    result.stdout !== '' ||
    lines.length !== 1 ||
    !lines[0]?.startsWith('atlas-drift: error: ')
  ) {
    return undefined;
  }
  return lines[0];
}

export const triples = (changes: Array<{ severity: string; kind: string; location: string }>) =>
  changes.map((c) => `${c.severity} ${c.kind} ${c.location}`).sort();
