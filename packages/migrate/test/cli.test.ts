// Exit codes and output formats through the real bin (Node on bin/atlas-kit-migrate.js).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeLine } from '../src/report/escape.ts';
import { put, runBin, runCli, temporaryDirectory } from './support.ts';

let temporary: Awaited<ReturnType<typeof temporaryDirectory>>;
let clean: string;
let dirty: string;

const caller = (name = 'Cluster0') =>
  `export const poll = (g: string, id: string) =>\n  fetch(\`https://cloud.mongodb.com/api/atlas/v2/groups/\${g}/clusters/${name}/backup/tenant/restores/\${id}\`);\n`;

beforeAll(async () => {
  temporary = await temporaryDirectory('atlas-migrate-cli-');
  clean = join(temporary.path, 'clean');
  dirty = join(temporary.path, 'dirty');
  await put(
    clean,
    'src/flex.ts',
    caller().replace('/clusters/', '/flexClusters/').replace('/tenant/restores/', '/restoreJobs/'),
  );
  await put(clean, 'README.md', 'We moved off `getBackupTenantRestore`.\n');
  await put(dirty, 'src/poll.ts', caller());
});
afterAll(() => temporary.remove());

describe('exit codes', () => {
  it('0 when no caller is found (mentions do not count)', async () => {
    const run = await runCli(['scan', '--format', 'json'], clean);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.callers).toEqual([]);
    expect(result.mentions).toEqual([
      expect.objectContaining({ file: 'README.md', line: 1, operationId: 'getBackupTenantRestore', kind: 'markdown' }),
    ]);
    expect((await runCli(['scan'], clean)).stdout).toMatch(/^No callers of the dead operations\.\n1 mention/);
  });

  it('1 when callers remain, 0 once apply --write has moved them all', async () => {
    expect((await runCli(['scan', '.'], dirty)).code).toBe(1);
    expect((await runCli(['apply'], dirty)).code).toBe(1); // dry run: nothing changed
    expect((await runCli(['scan'], dirty)).code).toBe(1);
    const apply = await runCli(['apply', '--write'], dirty);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('+++ b/src/poll.ts');
    expect((await runCli(['scan'], dirty)).code).toBe(0);
  });

  it.each([
    [['scan', 'no-such-dir'], 'no such directory: no-such-dir'],
    [['scan', '--bogus'], "Unknown option '--bogus'"],
    [['scan', '--format', 'yaml'], 'unknown --format "yaml" (text, json or markdown)'],
    [['apply', '--format', 'markdown'], 'unknown --format "markdown" for apply (text or json)'],
    [['scan', '--write'], '--write belongs to apply, not scan'],
    [['migrate'], 'unknown command "migrate" (scan or apply)'],
    [[], 'no command (scan or apply)'],
  ])('2 and one line, no stack trace, for unusable input: %j', (args, message) => {
    const run = runBin(args, clean);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`atlas-kit-migrate: ${message} (see --help)\n`);
  });

  it('a file given instead of a directory is scanned on its own', async () => {
    const root = join(temporary.path, 'two-files');
    await put(root, 'a.ts', caller());
    await put(root, 'b.ts', caller());
    const run = await runCli(['scan', '--format', 'json', 'b.ts'], root);
    expect(JSON.parse(run.stdout).callers.map((c: { file: string }) => c.file)).toEqual(['b.ts']);
    expect(run.code).toBe(1);
  });
});

describe('output from hostile file names', () => {
  it('text output escapes control characters; markdown escapes what could become markup', async () => {
    const root = join(temporary.path, 'hostile');
    await put(root, '\u001b[31m<img src=x onerror=alert(1)>|[a](https:x).ts', caller('$(reboot)'));
    const text = await runCli(['scan'], root);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).toContain('\\u{1b}[31m<img');

    const markdown = (await runCli(['scan', '--format', 'markdown'], root)).stdout;
    const row = markdown.split('\n').find((line) => line.includes('getBackupTenantRestore')) as string;
    expect(row).not.toMatch(/<img|\]\(/);
    expect(row).not.toContain('\u001b');
    expect(row).toContain('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;\\|\\[a\\]\\(https\\:x\\)\\.ts');
    // the escaped pipe keeps the row at six cells: | file | line | column | operation | kind | move to |
    expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
  });

  it('invisible, line-splitting and reordering characters are shown too, as in atlas-drift', () => {
    const hidden = 'a\u200bb\u2028c\ufeffd\u061ce\u202ef\u2066g';
    expect(escapeLine(hidden)).toBe('a\\u{200b}b\\u{2028}c\\u{feff}d\\u{61c}e\\u{202e}f\\u{2066}g');
    expect(escapeLine('tab\tand\nline')).toBe('tab\\u{9}and\\u{a}line');
  });
});
