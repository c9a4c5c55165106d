// Shared by the tests: the CLI run as a user runs it (Node on the bin), and temporary copies of the fixture.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('../', import.meta.url));
export const fixtureRepo = join(packageDir, 'test/fixtures/repo');
export const expectedScanFile = join(packageDir, 'test/fixtures/expected-scan.json');
const bin = join(packageDir, 'bin/atlas-kit-migrate.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI on the sources in this process (`run(argv, io)` is all the bin does besides setting the exit
 * code): a child process per call would load TypeScript's compiler each time. `runBin` is the bin.
 */
export async function runCli(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const { run } = await import('../src/cli.ts');
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** The real bin on the TypeScript sources (the `@atlas-kit/source` condition), in `cwd`. */
export function runBin(args: string[], cwd: string): Run {
  const run = spawnSync(process.execPath, ['--conditions=@atlas-kit/source', bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh temporary directory; `remove()` deletes it. */
export async function temporaryDirectory(prefix: string) {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function put(root: string, file: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), text);
}

/**
 * A copy of the fixture repo in `root`, with what a real checkout has but git cannot hold here: a
 * node_modules (this package's, linked, so the copy type-checks and runs) and ignored files with callers.
 */
export async function copyFixture(root: string): Promise<string> {
  const repo = join(root, 'repo');
  await cp(fixtureRepo, repo, { recursive: true });
  await symlink(join(packageDir, 'node_modules'), join(repo, 'node_modules'), 'dir');
  const caller = await readFile(join(fixtureRepo, 'src/raw-fetch.ts'), 'utf8');
  await put(repo, 'generated/old-client.ts', caller); // .gitignore: generated/
  await put(repo, 'vendor/node_modules/old-sdk/index.ts', caller); // node_modules anywhere
  return repo;
}

/** Every file under `root` (not node_modules) with its content: to compare a tree before and after. */
export async function snapshotTree(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const visit = async (directory: string) => {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.name === 'node_modules') continue;
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile()) files.set(relative(root, path), await readFile(path, 'utf8'));
    }
  };
  await visit(root);
  return files;
}
