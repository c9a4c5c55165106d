// The edges of scan and apply, each on a small repository of its own (through the programmatic API).
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are source code that the scan reads
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, scan } from '../src/index.ts';
import { put, temporaryDirectory } from './support.ts';

let temporary: Awaited<ReturnType<typeof temporaryDirectory>>;
let count = 0;
beforeAll(async () => {
  temporary = await temporaryDirectory('atlas-migrate-edges-');
});
afterAll(() => temporary.remove());

/** A repository with these files; returns its directory. */
async function repo(files: Record<string, string>): Promise<string> {
  const root = join(temporary.path, `repo-${++count}`);
  for (const [file, text] of Object.entries(files)) await put(root, file, text);
  return root;
}

const url = (tail = '/clusters/${c}/backup/tenant/restores/${id}') =>
  `\`https://cloud.mongodb.com/api/atlas/v2/groups/\${g}${tail}\``;
const poll = (options = "{ headers: { Accept: 'application/vnd.atlas.2023-01-01+json' } }") =>
  `fetch(${url()}, ${options})`;

/** apply --write, then the file's text and the reasons of the callers left. */
async function applied(files: Record<string, string>, file = 'a.ts') {
  const root = await repo(files);
  const result = await apply([root], { cwd: root, write: true });
  return { text: await readFile(join(root, file), 'utf8'), left: result.left.map((c) => c.reason), result, root };
}

describe('what is rewritten and what is left', () => {
  it('a headers spread is fine when Accept is set after it; not otherwise', async () => {
    const after = await applied({
      'a.ts': `export const p = (g: string, c: string, id: string) => ${poll("{ headers: { ...auth, Accept: 'application/vnd.atlas.2023-01-01+json' } }")};\ndeclare const auth: {};\n`,
    });
    expect(after.left).toEqual([]);
    expect(after.text).toContain("{ ...auth, Accept: 'application/vnd.atlas.2024-11-13+json' }");
    const before = await applied({
      'a.ts': `export const p = (g: string, c: string, id: string) => ${poll("{ headers: { Accept: 'application/vnd.atlas.2023-01-01+json', ...auth } }")};\ndeclare const auth: {};\n`,
    });
    expect(before.left).toEqual(['the headers are spread from another object that may carry the old media type']);
  });

  it('a computed media type, a path written with escapes, a computed method: left with the reason', async () => {
    const { left } = await applied({
      'a.ts': [
        `const v = '2023-01-01';`,
        `fetch(${url()}, { headers: { Accept: \`application/vnd.atlas.\${v}+json\` } });`,
        `fetch('https://cloud.mongodb.com/api/atlas/v2/groups/g/clusters/c/backup/tenant\\u002frestores/1');`,
        `fetch(${url('/clusters/${c}/backup/tenant/download')}, { method: m, body: JSON.stringify({ snapshotId: s }) });`,
      ].join('\n'),
    });
    expect(left).toEqual([
      'the accept header is computed; it must name application/vnd.atlas.2024-11-13+json',
      'the path is split over several literals or written with escapes',
      'the HTTP method is computed',
    ]);
  });

  it('the download body: a comment beside the dropped field, a body from a variable, targetProjectId', async () => {
    const download = (body: string) =>
      `fetch(${url('/clusters/${c}/backup/tenant/download')}, { method: 'POST', body: JSON.stringify(${body}) });`;
    const { left } = await applied({
      'a.ts': [
        download('{ snapshotId, /* keep */ targetDeploymentItemName: c }'),
        download('body'),
        download('{ snapshotId, targetDeploymentItemName: c, targetProjectId: p }'),
        download('{ targetDeploymentItemName: c }'),
      ].join('\n'),
    });
    expect(left).toEqual([
      'a comment sits next to targetDeploymentItemName',
      'the request body is not an object literal here, so its fields cannot be checked',
      'targetProjectId has no counterpart in FlexBackupSnapshotDownloadCreate20241113',
      'targetDeploymentItemName would be left empty',
    ]);
  });

  it('the same cluster as a literal in the path and in the body: the field goes', async () => {
    const { text, left } = await applied({
      'a.ts': `fetch('https://cloud.mongodb.com/api/atlas/v2/groups/g/clusters/Cluster0/backup/tenant/download', {\n  method: 'POST',\n  body: JSON.stringify({ targetDeploymentItemName: 'Cluster0', snapshotId: 's' }),\n});\n`,
    });
    expect(left).toEqual([]);
    expect(text).toBe(
      `fetch('https://cloud.mongodb.com/api/atlas/v2/groups/g/flexClusters/Cluster0/backup/download', {\n  method: 'POST',\n  body: JSON.stringify({ snapshotId: 's' }),\n});\n`,
    );
  });

  it('the kit client reached through this.atlas (a typed class property) is moved; an imported `atlas` is left', async () => {
    const { text, left } = await applied({
      'a.ts': [
        `import type { AtlasClient } from '@atlas-kit/client';`,
        `import { atlas } from './client.ts';`,
        `export class Backups {`,
        `  constructor(private readonly atlas: AtlasClient) {}`,
        `  poll(groupId: string, clusterName: string, restoreId: string) {`,
        `    return this.atlas.getBackupTenantRestore({ groupId, 'clusterName': clusterName, restoreId: restoreId });`,
        `  }`,
        `}`,
        `export const other = atlas.getBackupTenantRestore({ groupId: 'g', clusterName: 'c', restoreId: 'r' });`,
      ].join('\n'),
    });
    expect(text).toContain(`this.atlas.getFlexRestoreJob({ groupId, 'name': clusterName, restoreJobId: restoreId })`);
    expect(left).toEqual([
      "a call through an SDK or a client this file does not create: move it to that SDK's getFlexRestoreJob",
    ]);
  });
});

describe('paths in types', () => {
  it('are mentions, not callers: an interface keyed by path, a literal type', async () => {
    const path = '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download';
    const root = await repo({
      'a.ts': `export interface paths {\n  '${path}': { post: unknown };\n}\nexport type P = '${path}';\nexport const p = '${path}';\n`,
    });
    const result = await scan([root], { cwd: root });
    expect(result.callers.map((c) => [c.line, c.kind])).toEqual([[5, 'string']]);
    expect(result.mentions.map((m) => [m.line, m.kind])).toEqual([
      [2, 'string'],
      [4, 'string'],
    ]);
  });
});

describe('TODO comments', () => {
  it('go above the statement, as a block comment when code precedes it on its line, in the file’s line endings; once', async () => {
    const source = `const a = 1; fetch(${url()}, { headers: h });\r\nif (a) {\r\n  http.get(${url()});\r\n}\r\n`;
    const first = await applied({ 'a.ts': source });
    expect(first.text).toBe(
      `const a = 1; /* TODO(atlas-migrate): getBackupTenantRestore → getFlexRestoreJob: the headers object is not an object literal here, so its fields cannot be checked */ fetch(${url()}, { headers: h });\r\n` +
        `if (a) {\r\n  // TODO(atlas-migrate): getBackupTenantRestore → getFlexRestoreJob: the URL is not passed straight to fetch or openapi-fetch, so the request cannot be checked\r\n  http.get(${url()});\r\n}\r\n`,
    );
    const again = await apply([first.root], { cwd: first.root, write: true });
    expect(again.diff).toBe('');
    expect(again.left).toHaveLength(2);
  });

  it('one per statement, with every reason, when a statement holds two callers', async () => {
    const { text } = await applied({
      'a.ts': `export const both = [http.get(${url()}), cache.fetchAll(${url('/clusters/${c}/backup/tenant/download')})];\n`,
    });
    expect(text.split('\n')[0]).toBe(
      '// TODO(atlas-migrate): getBackupTenantRestore → getFlexRestoreJob: the URL is not passed straight to fetch or openapi-fetch, so the request cannot be checked',
    );
    expect(text.split('\n')[1]).toMatch(/^export const both/);
  });
});

describe('what the scan reads', () => {
  it('respects nested .gitignore files and skips node_modules at any depth', async () => {
    const root = await repo({
      'a.ts': `fetch(${url()});`,
      'pkg/.gitignore': 'build/\n!keep.ts\n*.gen.ts\n',
      'pkg/build/b.ts': `fetch(${url()});`,
      'pkg/c.gen.ts': `fetch(${url()});`,
      'pkg/d.ts': `fetch(${url()});`,
      'pkg/node_modules/e/index.js': `fetch(${url()});`,
      'other/c.gen.ts': `fetch(${url()});`,
    });
    const result = await scan([root], { cwd: root });
    expect(result.callers.map((c) => c.file)).toEqual(['a.ts', 'other/c.gen.ts', 'pkg/d.ts']);
  });

  it('lists files over the size bound, and shell scripts it cannot parse, as skipped', async () => {
    const root = await repo({
      'big.ts': `fetch(${url()});\n${'//'.padEnd(2000, '.')}\n`,
      'bad.sh': `echo "unterminated ${url()}\n`,
    });
    const result = await scan([root], { cwd: root, maxFileBytes: 1000 });
    expect(result.skipped).toEqual([
      { file: 'bad.sh', reason: expect.stringMatching(/^not parsable as a shell script at 1:6: /) },
      { file: 'big.ts', reason: expect.stringMatching(/^\d+ bytes, over the 1000-byte limit$/) },
    ]);
  });

  it('counts columns in characters in shell scripts with non-ASCII text (the parser counts bytes)', async () => {
    const root = await repo({
      'a.sh': `echo "héllo ✓"; curl "https://cloud.mongodb.com/api/atlas/v2/groups/$G/clusters/$C/backup/tenant/restores/$R"\n`,
    });
    const [caller] = (await scan([root], { cwd: root })).callers;
    expect(caller).toMatchObject({ line: 1, column: 22, kind: 'curl' });
  });

  it('does not take JSX text for a comment, and finds comments anywhere between tokens', async () => {
    const root = await repo({
      'a.tsx': [
        'export const A = () => <p>// downloadClusterBackupTenant is gone</p>;',
        'f(a /* getBackupTenantRestore */',
        '  // downloadClusterBackupTenant',
        ');',
        'g(a, /* downloadClusterBackupTenant */ b, `// getBackupTenantRestore ${x}`, /getBackupTenantRestore/);',
        '/** Calls {@link downloadSharedClusterBackup}. */',
        'export const x = 1; // downloadClusterBackupTenant',
      ].join('\n'),
    });
    const result = await scan([root], { cwd: root });
    expect(result.mentions.map((m) => [m.line, m.kind, m.operationId])).toEqual([
      [2, 'comment', 'getBackupTenantRestore'],
      [3, 'comment', 'downloadClusterBackupTenant'],
      [5, 'comment', 'downloadClusterBackupTenant'],
      [5, 'string', 'getBackupTenantRestore'],
      [6, 'comment', 'downloadClusterBackupTenant'],
      [7, 'comment', 'downloadClusterBackupTenant'],
    ]);
  });
});

describe('curl commands', () => {
  const poll = (
    options: string,
    url = '"https://cloud.mongodb.com/api/atlas/v2/groups/$G/clusters/$C/backup/tenant/restores/$R"',
  ) => `curl ${options} ${url}\n`;

  it('a GET poll with its headers in view is moved: path, Accept in any spelling of -H', async () => {
    const { text, left } = await applied(
      {
        'a.sh': [
          poll("-X GET --header='Accept: application/vnd.atlas.2023-01-01+json'"),
          poll('-s -H "Accept: application/vnd.atlas.2023-01-01+json" -H "Authorization: Bearer $TOKEN"'),
        ].join(''),
      },
      'a.sh',
    );
    expect(left).toEqual([]);
    expect(text).toBe(
      [
        `curl -X GET --header='Accept: application/vnd.atlas.2024-11-13+json' "https://cloud.mongodb.com/api/atlas/v2/groups/$G/flexClusters/$C/backup/restoreJobs/$R"`,
        `curl -s -H "Accept: application/vnd.atlas.2024-11-13+json" -H "Authorization: Bearer $TOKEN" "https://cloud.mongodb.com/api/atlas/v2/groups/$G/flexClusters/$C/backup/restoreJobs/$R"`,
        '',
      ].join('\n'),
    );
  });

  it('a computed method or media type, a config file, a body, another method: left, with where to send it', async () => {
    const { left } = await applied(
      {
        'a.sh': [
          poll('-X "$METHOD"'),
          poll('-H "Accept: $MEDIA_TYPE"'),
          poll('-K ./atlas.curlrc'),
          poll(`-d '{}'`),
          poll('-XDELETE'),
        ].join(''),
      },
      'a.sh',
    );
    expect(left.map((reason) => reason.split(';')[0])).toEqual([
      'the HTTP method is computed',
      'the accept header is computed, it must name application/vnd.atlas.2024-11-13+json'
        .replace(',', ';')
        .split(';')[0],
      'curl reads options from a config file',
      'the request body of a shell command is not rewritten (the new one takes no body)',
      'the command sends DELETE, not GET',
    ]);
    expect(left[0]).toMatch(
      /; send GET \S+\/restoreJobs\/\{restoreJobId\} with application\/vnd\.atlas\.2024-11-13\+json$/,
    );
  });
});

describe('the syntax check before writing', () => {
  it('tells a rewrite that breaks a file from one that keeps it as valid as it was', async () => {
    const { keepsSyntax } = await import('../src/syntax-check.ts');
    expect(await keepsSyntax('script', 'a.ts', 'f({ a: 1, b: 2 });', 'f({ a: 1 });')).toBe(true);
    expect(await keepsSyntax('script', 'a.ts', 'f({ a: 1, b: 2 });', 'f({ a: 1, );')).toBe(false);
    expect(await keepsSyntax('script', 'a.tsx', 'const a = <p>{x}</p>;', '// note\nconst a = <p>{x}</p>;')).toBe(true);
    expect(await keepsSyntax('script', 'a.ts', 'f(;', 'f(; // still as broken')).toBe(true);
    expect(await keepsSyntax('shell', 'a.sh', 'curl "x"\n', '# note\ncurl "x"\n')).toBe(true);
    expect(await keepsSyntax('shell', 'a.sh', 'curl "x"\n', 'curl "x\n')).toBe(false);
  });
});
