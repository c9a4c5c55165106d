// The fixture repo end to end: scan → expected JSON; apply --write → type-checks, and the moved calls
// get 200 answers from the mocks' Flex handlers where the originals get the tenant 410; a second apply
// changes nothing.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sunsetDate } from '@atlas-kit/migration-notice';
import { setupAtlasServer } from '@atlas-kit/mocks/node';
import { atlasServerUrl } from '@atlas-kit/openapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  copyFixture,
  expectedScanFile,
  fixtureRepo,
  packageDir,
  runCli,
  snapshotTree,
  temporaryDirectory,
} from './support.ts';

const groupId = '32b6e34b3d91647abb20e7b8';
const clusterName = 'Cluster0';
const snapshotId = '6561d0b5c8ff4d3a1f2e9a07';
const token = 'fixture-token';

// A day after the sunset: the mocks answer the tenant operations 410, the Flex ones 200.
const { server, atlas } = setupAtlasServer({ clock: () => new Date(sunsetDate.getTime() + 86_400_000) });

let temporary: Awaited<ReturnType<typeof temporaryDirectory>>;
let repo: string;

beforeAll(async () => {
  server.listen({ onUnhandledFrame: 'error' });
  temporary = await temporaryDirectory('atlas-migrate-fixture-');
  repo = await copyFixture(temporary.path);
});
afterEach(() => atlas.reset());
afterAll(async () => {
  server.close();
  await temporary.remove();
});

const expectedScan = async () => JSON.parse(await readFile(expectedScanFile, 'utf8'));

/** The fixture's modules, from the original folder or the rewritten copy. */
const load = async (root: string) => ({
  raw: await import(pathToFileURL(join(root, 'src/raw-fetch.ts')).href),
  legacy: await import(pathToFileURL(join(root, 'src/legacy.mjs')).href),
  kit: await import(pathToFileURL(join(root, 'src/kit-client.ts')).href),
  openapi: await import(pathToFileURL(join(root, 'src/openapi-fetch.ts')).href),
});

describe('the fixture repo', () => {
  it('scans to the expected JSON: every form, no look-alike, nothing ignored or in node_modules', async () => {
    const run = await runCli(['scan', '--format', 'json'], repo);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(await expectedScan());
  });

  it('before the codemod its calls are refused by the mocks (tenant operations, past the sunset)', async () => {
    const { raw, legacy, kit, openapi } = await load(fixtureRepo);
    expect((await raw.startDownload(groupId, clusterName, snapshotId, token)).status).toBe(410);
    expect((await raw.pollDownload(groupId, clusterName, 'aaaaaaaaaaaaaaaaaaaaaaaa', token)).status).toBe(410);
    expect((await raw.pollFromApiRoot(groupId, clusterName, 'aaaaaaaaaaaaaaaaaaaaaaaa', token)).status).toBe(410);
    expect((await legacy.downloadSnapshot(groupId, clusterName, snapshotId, token)).status).toBe(410);
    await expect(kit.download(kit.connect(token), groupId, clusterName, snapshotId)).rejects.toMatchObject({
      code: 'ENDPOINT_SUNSET',
    });
    expect((await openapi.download(openapi.connect(token), groupId, clusterName, snapshotId)).status).toBe(410);
  });

  describe('after apply --write', () => {
    let first: Awaited<ReturnType<typeof runCli>>;
    beforeAll(async () => {
      first = await runCli(['apply', '--write'], repo);
    });

    it('moved the safe calls, marked the others, and exits 1 because callers remain', () => {
      expect(first.code).toBe(1);
      expect(first.stderr).toMatch(/^11 caller\(s\) moved, 7 left with a TODO\(atlas-migrate\), 7 file\(s\) written\./);
      expect(first.stdout).toContain('+++ b/src/raw-fetch.ts');
    });

    it('type-checks with tsc (the repository settings, strict)', async () => {
      await writeFile(
        join(repo, 'tsconfig.json'),
        JSON.stringify({ extends: join(packageDir, '../../tsconfig.base.json'), include: ['src'] }),
      );
      // TypeScript 7, as the workspace type check: the same verdict in a fifth of 5.9.3's CPU time.
      // Its exports hide bin/tsc: the bin is found beside the package.json.
      const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript-native/package.json')), 'bin/tsc');
      const run = spawnSync(process.execPath, [tsc, '-p', join(repo, 'tsconfig.json')], { encoding: 'utf8' });
      expect(run.stdout + run.stderr).toBe('');
      expect(run.status).toBe(0);
    });

    it('its rewritten raw fetch calls get 200 answers from the Flex handlers', async () => {
      const { raw, legacy } = await load(repo);
      // the job the fixture's plain string literal polls
      atlas.seedRestoreJob({ api: 'flex', id: '6561d2f4c8ff4d3a1f2eab12', groupId, clusterName });
      const polled = await raw.pollKnownJob(token);
      expect([polled.status, polled.job.id]).toEqual([200, '6561d2f4c8ff4d3a1f2eab12']);
      const started = await raw.startDownload(groupId, clusterName, snapshotId, token);
      expect(started.status).toBe(200);
      expect((await raw.pollDownload(groupId, clusterName, started.job.id, token)).status).toBe(200);
      expect((await raw.pollPretty(atlasServerUrl, groupId, clusterName, started.job.id, token)).status).toBe(200);
      expect((await raw.pollFromApiRoot(groupId, clusterName, started.job.id, token)).status).toBe(200);
      expect((await legacy.downloadSnapshot(groupId, clusterName, snapshotId, token)).status).toBe(200);
      expect(atlas.listRestoreJobs().map((job) => job.api)).toEqual(['flex', 'flex', 'flex']);
    });

    it('its kit-client and openapi-fetch calls reach the Flex operations too', async () => {
      const { kit, openapi } = await load(repo);
      const client = kit.connect(token);
      const id = await kit.download(client, groupId, clusterName, snapshotId);
      expect(await kit.poll(client, groupId, clusterName, id)).toBe('QUEUED');
      const api = openapi.connect(token);
      const started = await openapi.download(api, groupId, clusterName, snapshotId);
      expect(started.status).toBe(200);
      expect(await openapi.poll(api, groupId, clusterName, started.id)).toEqual({ status: 200, state: 'QUEUED' });
    });

    it('a second apply changes nothing', async () => {
      const before = await snapshotTree(repo);
      const second = await runCli(['apply', '--write'], repo);
      expect(second.stdout).toBe('');
      expect(second.stderr).toMatch(/^0 caller\(s\) moved, 7 left with a TODO\(atlas-migrate\), 0 file\(s\) written\./);
      expect(second.code).toBe(1);
      expect(await snapshotTree(repo)).toEqual(before);
    });

    it('leaves exactly the callers it marked, each under its TODO', async () => {
      const scan = JSON.parse((await runCli(['scan', '--format', 'json'], repo)).stdout);
      const marked = (await expectedScan()).callers.filter(
        (c: { file: string }) => c.file.endsWith('.sh') || c.file === 'src/needs-a-person.ts',
      );
      expect(
        scan.callers.map((c: { file: string; operationId: string; kind: string }) => [c.file, c.operationId, c.kind]),
      ).toEqual(
        marked.map((c: { file: string; operationId: string; kind: string }) => [c.file, c.operationId, c.kind]),
      );
      for (const c of scan.callers as Array<{ file: string; line: number }>) {
        // the TODO sits above the statement, which may begin a few lines before the URL
        const above = (await readFile(join(repo, c.file), 'utf8'))
          .split('\n')
          .slice(Math.max(0, c.line - 5), c.line - 1);
        expect(
          above.filter((line) => line.includes('TODO(atlas-migrate)')),
          `${c.file}:${c.line}`,
        ).toHaveLength(1);
      }
    });
  });
});
