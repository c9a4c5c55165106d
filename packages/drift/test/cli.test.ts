import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { operationIds } from '@atlas-kit/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, oneLineError, PACKAGE_DIR, runCli, tempDir, UPSTREAM } from './helpers.ts';

const tmp = tempDir('atlas-drift-cli-');
const today = ['--upstream', UPSTREAM['2026-08-13'], '--now', '2026-08-13'];
const FIXTURES = resolve(PACKAGE_DIR, 'test/fixtures');

function expectOneLineError(result: CliResult, pattern: RegExp) {
  const line = oneLineError(result);
  expect(line, `exit ${result.code}, stderr: ${result.stderr}`).toBeDefined();
  expect(line).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('atlas-drift CLI', () => {
  it('the bin itself, as a child process: --help exits 0, an unknown flag exits 2 with one line', async () => {
    const help = await runCli(['--help'], { bin: true });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: atlas-drift/);
    const bad = await runCli(['--no-such-flag'], { bin: true });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--help exits 0 and documents the flags and exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--upstream <file|url>',
      '--operation <id>',
      '--strict-lifecycle',
      '--no-acknowledged',
      '--max-bytes',
    ]) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toContain('Exit codes: 0 no breaking change, 1 breaking change, 2 unusable input.');
  });

  it("today's upstream: exit 0, every operation in one report; default baseline resolved from the package, not cwd", async () => {
    const r = await runCli([...today, '--format', 'json'], { cwd: tmpdir() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('warning');
    expect(json.baselines.map((b: string) => b.split('/').pop())).toEqual([
      'tenant-download.json',
      'tenant-restores.json',
      'flex-backup.json',
      'flex-snapshots.json',
    ]);
    expect(json.operations).toHaveLength(operationIds.length);
    expect(Object.keys(json.operations[0].changes[0]).sort()).toEqual(['kind', 'location', 'message', 'severity']);
  });

  it('text output: a section per operation, the lifecycle line each, "past its sunset" said in words', async () => {
    const r = await runCli(today);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'Atlas API drift: no breaking change; past its sunset: downloadClusterBackupTenant (removed upstream), getBackupTenantRestore (removed upstream)',
    );
    expect(r.stdout.match(/^ {2}lifecycle: /gm)).toHaveLength(operationIds.length);
    expect(r.stdout).toContain('removed upstream, x-sunset 2026-01-22, 203 days past its sunset (as of 2026-08-13)');
    expect(r.stdout).toMatch(/Result: no breaking change, needs attention — 0 breaking, 2 warning, 0 info/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--strict-lifecycle: exit 1', async () => {
    const r = await runCli([...today, '--strict-lifecycle']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Result: BREAKING — 2 breaking/);
  });

  it('--operation narrows the run (repeatable); an unknown id is unusable input', async () => {
    const r = await runCli([
      ...today,
      '--operation',
      'downloadFlexBackup',
      '--operation',
      'getFlexRestoreJob',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.operations.map((o: { operationId: string }) => o.operationId)).toEqual([
      'downloadFlexBackup',
      'getFlexRestoreJob',
    ]);
    expect(json.verdict).toBe('ok');
    expect(json.migrationNotice).toBe(false);
    expectOneLineError(
      await runCli([...today, '--operation', 'nope']),
      /--operation "nope": no such operationId in the baseline/,
    );
  });

  it('--baseline with several operations checks them all (was: "cannot tell which one is pinned")', async () => {
    const flex = resolve(PACKAGE_DIR, '../openapi/generated/documents/flex-backup.json');
    const r = await runCli([...today, '--baseline', flex, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).operations.map((o: { operationId: string }) => o.operationId)).toEqual([
      'downloadFlexBackup',
      'getFlexRestoreJob',
    ]);
  });

  it('--baseline repeatable, --upstream repeatable and searched in order (how a PR judges its own change)', async () => {
    const dir = join(FIXTURES, 'enum-breaking-directions');
    const r = await runCli([
      '--baseline',
      join(dir, 'baseline.yaml'),
      '--baseline',
      join(FIXTURES, 'removed-after-sunset/baseline.yaml'),
      '--upstream',
      join(dir, 'upstream.yaml'),
      '--upstream',
      join(FIXTURES, 'removed-after-sunset/upstream.yaml'),
      '--now',
      '2026-08-13',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.operations.map((o: { verdict: string }) => o.verdict)).toEqual(['breaking', 'warning']);
    expect(json.upstreams).toHaveLength(2);
  });

  it('a breaking change in downloadFlexBackup turns the default run red', async () => {
    const text = gunzipSync(readFileSync(UPSTREAM['2026-08-13'])).toString('utf8');
    const needle = '  /api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download:';
    expect(text.split(needle)).toHaveLength(2);
    const edited = tmp.file('flex-moved.yaml', text.replace(needle, needle.replace('/download:', '/download-v2:')));
    const r = await runCli([
      '--upstream',
      edited,
      '--now',
      '2026-08-13',
      '--operation',
      'downloadFlexBackup',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).operations[0].changes[0]).toMatchObject({
      severity: 'breaking',
      kind: 'operation-path-changed',
    });
  });

  it('--verbose lists description/code-sample notes without changing the verdict', async () => {
    // the tenant operations of that day (its snapshot listing predates today's `results: required`)
    const tenant = ['--operation', 'downloadClusterBackupTenant', '--operation', 'getBackupTenantRestore'];
    const args = ['--upstream', UPSTREAM['2026-03-05'], '--now', '2026-01-10', '--format', 'json', ...tenant];
    const quiet = JSON.parse((await runCli(args)).stdout);
    const verbose = JSON.parse((await runCli([...args, '--verbose'])).stdout);
    const count = (j: { operations: Array<{ changes: unknown[] }> }) =>
      j.operations.reduce((n, o) => n + o.changes.length, 0);
    expect(count(verbose)).toBeGreaterThan(count(quiet));
    expect(verbose.breaking).toBe(false);
  });

  it('colour only when forced or on a TTY, and NO_COLOR wins', async () => {
    const forced = await runCli(today, { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const noColor = await runCli(today, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('--timings prints the phase split and memory; a leading `--` (pnpm drift -- …) is accepted', async () => {
    const r = await runCli(['--', ...today, '--timings', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^atlas-drift timings: total [\d.]+ ms since process start \| startup [\d.]+ ms \| read [\d.]+ ms \([\d.]+ MB\) \| parse [\d.]+ ms .*\| resolve [\d.]+ ms \| compare [\d.]+ ms .*peak [\d.]+ MB$/m,
    );
    const { timings } = JSON.parse(r.stdout);
    for (const key of ['startupMs', 'parseMs', 'resolveMs', 'compareMs', 'totalMs', 'rssMB', 'maxRssMB']) {
      expect(typeof timings[key]).toBe('number');
    }
    expect(timings.upstreamBytes).toBeGreaterThan(3_000_000);
  });
});

describe('acknowledgements', () => {
  const strict = [...today, '--strict-lifecycle'];
  const ackFile = (name: string, reason: string, expires: string) =>
    tmp.file(
      name,
      `acknowledged:\n  - kind: operation-removed-after-sunset\n    location: operation\n    reason: ${reason}\n    expires: ${expires}\n`,
    );

  it('a reviewed acknowledgement turns a red run green, and is still reported', async () => {
    const ack = ackFile('ack.yaml', '"migrated to downloadFlexBackup in #42"', '2026-09-30');
    const r = await runCli([...strict, '--acknowledged', ack, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.operations[0].changes[0].acknowledged).toEqual({
      reason: 'migrated to downloadFlexBackup in #42',
      expires: '2026-09-30',
    });
    expect(json.acknowledgements).toMatchObject({ applied: 2, expired: [], unused: [] });
  });

  it('--no-acknowledged ignores the file (was: "Unknown option")', async () => {
    const ack = ackFile('ack-ignored.yaml', 'reviewed', '2026-09-30');
    const r = await runCli([...strict, '--acknowledged', ack, '--no-acknowledged']);
    expectOneLineError(r, /--acknowledged and --no-acknowledged exclude each other/);
    const plain = await runCli([...strict, '--no-acknowledged', '--format', 'json']);
    expect(plain.code).toBe(1);
    expect(JSON.parse(plain.stdout).acknowledgements).toEqual({ applied: 0, expired: [], unused: [] });
  });

  it('an expired acknowledgement stops applying and is reported with its file', async () => {
    const ack = ackFile('ack-expired.yaml', 'grace period', '2026-08-12');
    const json = await runCli([...strict, '--acknowledged', ack, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).acknowledgements.expired).toHaveLength(1);
    const text = await runCli([...strict, '--acknowledged', ack]);
    expect(text.stdout).toMatch(/EXPIRED ACKNOWLEDGEMENTS in .*ack-expired\.yaml \(1\) — no longer applied/);
  });

  it('an acknowledgement without a reason is unusable input', async () => {
    const ack = tmp.file(
      'ack-bad.yaml',
      'acknowledged:\n  - kind: operation-removed-after-sunset\n    location: operation\n',
    );
    expectOneLineError(await runCli([...today, '--acknowledged', ack]), /'reason' is required/);
  });

  it('the README and workflow examples keep their whole reason (quoted: an unquoted ` #` starts a YAML comment)', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const fromReadme = /<!-- example: acknowledge-removal[^\n]*-->\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(fromReadme).toMatch(/reason: ".*#\d+.*"/);
    const r = await runCli([
      ...strict,
      '--acknowledged',
      tmp.file('ack-readme.yaml', fromReadme ?? ''),
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.operations[0].changes[0].acknowledged.reason).toMatch(/since PR #\d+; tenant endpoint gone upstream/);
    expect(json.acknowledgements).toMatchObject({ applied: 2, expired: [], unused: [] });
  });

  it('the committed default file exists and is valid (empty list)', () => {
    expect(readFileSync(new URL('../acknowledged.yaml', import.meta.url), 'utf8')).toMatch(/^acknowledged: \[\]$/m);
  });
});

describe('exit 2: unusable input, one line, no stack trace', () => {
  it('missing file', async () => {
    expectOneLineError(
      await runCli(['--upstream', join(tmp.dir, 'nope.yaml')]),
      /cannot read .*nope\.yaml: no such file/,
    );
  });
  it('bad YAML far from the operation in a multi-megabyte upstream (every document is parsed in full)', async () => {
    const lines = gunzipSync(readFileSync(UPSTREAM['2026-03-05'])).toString('utf8').split('\n');
    expect(lines[27_199]).not.toContain('downloadClusterBackupTenant');
    lines.splice(27_199, 0, 'bad: "unclosed');
    const bad = tmp.file('big-bad.yaml', lines.join('\n'));
    expectOneLineError(
      await runCli(['--upstream', bad, '--now', '2026-01-10']),
      /bad YAML in .*big-bad\.yaml: .* at line \d+, column \d+$/,
    );
  });
  it('a duplicated key in the last tag of the 3.8 MB upstream', async () => {
    const text = gunzipSync(readFileSync(UPSTREAM['2025-06-30'])).toString('utf8');
    const last = '      name: X.509 Authentication\n';
    expect(text.split(last)).toHaveLength(2);
    const bad = tmp.file('big-duplicate.yaml', text.replace(last, `${last}      name: X.509 again\n`));
    expectOneLineError(
      await runCli(['--upstream', bad, '--now', '2026-01-10']),
      /bad YAML in .*duplicated mapping key/,
    );
  });
  it('bad JSON', async () => {
    expectOneLineError(
      await runCli(['--upstream', tmp.file('bad.json', '{"openapi": "3.0.1", "paths": {')]),
      /bad JSON in .*bad\.json/,
    );
  });
  it('not OpenAPI 3.x (Swagger 2.0)', async () => {
    const swagger = tmp.file('swagger.yaml', 'swagger: "2.0"\npaths: {}\n');
    expectOneLineError(await runCli(['--upstream', swagger]), /is not an OpenAPI 3\.x document \(Swagger 2\.0\)/);
  });
  it('a baseline with no operation', async () => {
    const empty = tmp.file('empty.yaml', 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths: {}\n');
    expectOneLineError(await runCli(['--baseline', empty, ...today]), /empty\.yaml has no operation to check/);
  });
  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--format', 'xml'], /--format must be text, json or markdown/],
    [['--now', '2026-02-30'], /--now must be a date as YYYY-MM-DD/],
    [['--timeout', '0'], /--timeout must be a number of seconds above 0/],
    [['--max-bytes', '12 parsecs'], /--max-bytes must be a size/],
    [['--baseline', 'https://example.com/x.yaml'], /--baseline must be a file/],
    [['--upstream', 'http://example.com/v2.yaml'], /refusing http: http:\/\/example\.com\/v2\.yaml: use https/],
    [['--upstream', 'file:///etc/passwd'], /refusing file: /],
  ])('%j', async (args, pattern) => {
    expectOneLineError(await runCli(args), pattern);
  });
});

describe('--upstream URL (tests talk only to 127.0.0.1)', () => {
  let server: Server;
  let hanging: Server;
  const sockets = new Set<Socket>();
  let base = '';
  let hangingUrl = '';
  let closedUrl = '';

  beforeAll(async () => {
    const spec = readFileSync(UPSTREAM['2026-03-05']);
    server = createServer((req, res) => {
      // served as the gzip file it is, the way a static host serves `.yaml.gz`
      if (req.url === '/v2.yaml.gz') res.writeHead(200, { 'content-type': 'application/gzip' }).end(spec);
      else res.writeHead(404).end('not found');
    });
    hanging = createServer(() => {});
    hanging.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/v2.yaml`;
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/v2.yaml`;
    await new Promise<void>((r) => probe.close(() => r()));
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
    await new Promise<void>((r) => hanging.close(() => r()));
  });

  it('fetches and checks a spec served over HTTP', async () => {
    const r = await runCli([
      ...['--upstream', `${base}/v2.yaml.gz`, '--now', '2026-01-10', '--format', 'json'],
      ...['--operation', 'downloadClusterBackupTenant'],
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).upstreams).toEqual([`${base}/v2.yaml.gz`]);
  });

  it('HTTP error status', async () => {
    expectOneLineError(await runCli(['--upstream', `${base}/missing.yaml`]), /cannot fetch .*: HTTP 404/);
  });

  it('offline: connection refused gives a clear message', async () => {
    expectOneLineError(
      await runCli(['--upstream', closedUrl]),
      /cannot reach .*: connection refused \(are you offline\?/,
    );
  });

  it('a server that never answers hits the timeout', async () => {
    const r = await runCli(['--upstream', hangingUrl, '--timeout', '0.5']);
    expectOneLineError(r, /timed out after 0\.5 s fetching .*are you offline\?/);
    expect(r.ms).toBeLessThan(10_000);
  });
});

describe('--callers <dir>: the scan of a source tree decides whether a removal is breaking', () => {
  const withCaller = tempDir('atlas-drift-callers-');
  withCaller.file(
    'backup.ts',
    [
      'export async function poll(groupId: string, cluster: string, id: string) {',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the caller's source text, written as it is
      '  return fetch(`https://cloud.mongodb.com/api/atlas/v2/groups/${groupId}/clusters/${cluster}/backup/tenant/restores/${id}`);',
      '}',
      '',
    ].join('\n'),
  );
  const without = tempDir('atlas-drift-no-callers-');
  without.file('ok.ts', 'export const nothing = 1;\n');

  it('a caller of a removed operation remains: breaking, exit 1, the caller named', async () => {
    const r = await runCli([...today, '--callers', withCaller.dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const poll = json.operations.find((o: { operationId: string }) => o.operationId === 'getBackupTenantRestore');
    expect(poll.verdict).toBe('breaking');
    expect(JSON.stringify(poll)).toContain('backup.ts');
  });

  it('no caller left: the removal stays a warning, exit 0', async () => {
    const r = await runCli([...today, '--callers', without.dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no callers remain');
  });

  it('a directory that does not exist is unusable input', async () => {
    const r = await runCli([...today, '--callers', join(without.dir, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--callers .*missing: no such directory/);
  });
});
