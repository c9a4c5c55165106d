// The kit as a user gets it: every package packed with `pnpm pack` (as it would be published),
// installed with npm into a project outside the workspace, then used there. Nothing of the
// workspace leaks in: no source condition, no tsconfig of ours, no pnpm links.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = fileURLToPath(new URL('../fixture/', import.meta.url));
const rootPackage = JSON.parse(await readFile(join(packagesDir, '..', 'package.json'), 'utf8'));
/** Exact versions of the consumer's own tools, the ones the workspace uses. */
const tools = JSON.parse(await readFile(join(packagesDir, 'consumer-check', 'package.json'), 'utf8')).devDependencies;
const msw = JSON.parse(await readFile(join(packagesDir, 'mocks', 'package.json'), 'utf8')).devDependencies.msw;

interface Packed {
  name: string;
  tarball: string;
}

/** Every publishable package of the workspace: it has exports and is not private. */
async function publishable(): Promise<Array<{ name: string; dir: string }>> {
  const out: Array<{ name: string; dir: string }> = [];
  for (const entry of await readdir(packagesDir)) {
    const manifest = JSON.parse(await readFile(join(packagesDir, entry, 'package.json'), 'utf8').catch(() => '{}'));
    if (manifest.name && manifest.exports && manifest.private !== true) out.push({ name: manifest.name, dir: entry });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
const publishablePackages = await publishable();

const work = await mkdtemp(join(tmpdir(), 'atlas-kit-consumer-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');
const packed: Packed[] = [];
/** What the consumer installs: the packages a frontend test and a CI job use (not the Pact suite). */
const installed = [
  '@atlas-kit/client',
  '@atlas-kit/drift',
  '@atlas-kit/http-auth',
  '@atlas-kit/migrate',
  '@atlas-kit/migration-notice',
  '@atlas-kit/mocks',
  '@atlas-kit/openapi',
];
/** Today's upstream, as the drift package's tests vendor it (not part of the published package). */
const upstream = join(packagesDir, 'drift', 'test', 'upstream', 'atlas-api-transformed-2026-08-13.yaml.gz');

const node = process.execPath;
const bin = (name: string) => join(project, 'node_modules', '.bin', name);
// A user's shell, not this test runner's: no vitest, pnpm or npm-script variables, no source condition.
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(VITEST|TINYPOOL|npm_|pnpm_|PNPM_|TURBO_|NODE_OPTIONS$|NODE_ENV$|NODE_PATH$)/i.test(k),
  ),
);
const inProject = (file: string, args: string[], timeout = 300_000) =>
  run(file, args, { cwd: project, timeout, maxBuffer: 32 * 1024 * 1024, env: userEnv });

beforeAll(async () => {
  await mkdir(tarballs, { recursive: true });
  for (const pkg of publishablePackages) {
    // pnpm rewrites `workspace:*` to the version, as a publish would.
    await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(packagesDir, pkg.dir) });
  }
  for (const file of await readdir(tarballs)) {
    const match = /^atlas-kit-(.+)-\d+\.\d+\.\d+\.tgz$/.exec(file);
    if (match) packed.push({ name: `@atlas-kit/${match[1]}`, tarball: join(tarballs, file) });
  }
  await cp(fixtureDir, project, { recursive: true });
  const dependency = (name: string) => `file:${packed.find((p) => p.name === name)?.tarball}`;
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify(
      {
        name: 'atlas-kit-consumer',
        private: true,
        type: 'module',
        engines: rootPackage.engines,
        // The kit's packages depend on each other by version; npm resolves those to these tarballs.
        dependencies: Object.fromEntries(installed.map((name) => [name, dependency(name)])),
        devDependencies: {
          '@types/node': tools['@types/node'],
          msw,
          typescript: tools.typescript,
          vitest: tools.vitest,
        },
      },
      null,
      2,
    )}\n`,
  );
  await inProject('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--fetch-retries=1'], 600_000);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('packed packages', () => {
  it('every publishable package packs', async () => {
    expect(packed.map((p) => p.name)).toEqual(publishablePackages.map((p) => p.name));
  });

  it('publint reports nothing for any package', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const problems: string[] = [];
    for (const pkg of publishablePackages) {
      const dir = join(packagesDir, pkg.dir);
      const { messages } = await publint({ pkgDir: dir, level: 'suggestion', pack: 'pnpm' });
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
      for (const m of messages) problems.push(`${pkg.name}: ${formatMessage(m, manifest) ?? m.code}`);
    }
    expect(problems).toEqual([]);
  });

  it('arethetypeswrong finds no problem in any tarball', async () => {
    const attw = join(packagesDir, 'consumer-check', 'node_modules', '.bin', 'attw');
    const problems: string[] = [];
    for (const { name, tarball } of packed) {
      // esm-only: the kit ships ES modules only, on purpose (Node >= 22.12 loads them from CJS too);
      // attw then ignores node10 and CJS resolution, and exits non-zero on any other problem.
      await run(attw, [tarball, '--profile', 'esm-only', '--format', 'ascii'], { maxBuffer: 32 * 1024 * 1024 }).catch(
        (e: { stdout?: string }) => problems.push(`${name}:\n${e.stdout ?? String(e)}`),
      );
    }
    expect(problems).toEqual([]);
  });
});

describe('a consumer project (npm, outside the workspace)', () => {
  for (const config of ['tsconfig.bundler.json', 'tsconfig.nodenext.json']) {
    it(`type-checks under the strictest options, skipLibCheck off (${config})`, async () => {
      const result = await inProject(node, [bin('tsc'), '-p', config]).then(
        () => '',
        (e: { stdout?: string }) => e.stdout ?? String(e),
      );
      expect(result).toBe('');
    });
  }

  it("runs the consumer's frontend test: the client against the mocks", async () => {
    const output = join(project, 'report.json');
    await inProject(node, [bin('vitest'), 'run', '--reporter=json', `--outputFile=${output}`]).catch(() => {});
    const report = JSON.parse(await readFile(output, 'utf8'));
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBe(2);
  });

  it("the README's frontend test is this very file", async () => {
    const readme = await readFile(join(packagesDir, '..', 'README.md'), 'utf8');
    expect(readme).toContain(await readFile(join(fixtureDir, 'test', 'frontend.test.ts'), 'utf8'));
  });

  it('runs `atlas-drift --help` with plain Node from node_modules', async () => {
    const { stdout } = await inProject(node, [bin('atlas-drift'), '--help']);
    expect(stdout).toMatch(/Usage: atlas-drift/);
  });

  it('runs one drift check with plain Node: every compiled operation against an upstream copy, exit 0', async () => {
    const { stdout } = await inProject(node, [bin('atlas-drift'), '--upstream', upstream, '--now', '2026-12-03']);
    expect(stdout.split('\n')[0]).toMatch(/^Atlas API drift: no breaking change/);
    expect(stdout).toMatch(/^downloadFlexBackup — no change$/m);
  });

  it("runs `atlas-kit-migrate scan` with plain Node over the consumer's own code: no caller, exit 0", async () => {
    const { stdout } = await inProject(node, [bin('atlas-kit-migrate'), 'scan', 'src', 'test']);
    expect(stdout).toMatch(/No callers of the dead operations/);
  });
});
