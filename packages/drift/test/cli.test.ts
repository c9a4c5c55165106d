import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, UPSTREAM } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-drift-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

/** exit 2 contract: exactly one line on stderr, prefixed, no stack trace, nothing on stdout */
function expectOneLineError(result: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^atlas-drift: error: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('atlas-drift bin (child process)', () => {
  it('--help exits 0 and documents the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--upstream <file|url>');
    expect(r.stdout).toContain('Exit codes: 0 no breaking change, 1 breaking change, 2 unusable input.');
  });

  it('exit 0 against the last state before removal; default baseline resolved from the package, not cwd', async () => {
    const r = await runCli(['--upstream', UPSTREAM['2026-03-05'], '--now', '2026-01-10'], { cwd: tmpdir() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('specs/tenant-download.yaml');
    expect(r.stdout).toContain('deprecated, x-sunset 2026-01-22, 12 days remaining (as of 2026-01-10)');
    expect(r.stdout).toMatch(/Result: no breaking change — 0 breaking, 4 warning, 0 info/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('exit 1 and JSON output for the 2026-08-13 upstream (removed after its sunset)', async () => {
    const r = await runCli(['--upstream', UPSTREAM['2026-08-13'], '--now', '2026-08-13', '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      operation: { operationId: 'downloadClusterBackupTenant', method: 'POST', upstream: { found: false } },
      breaking: true,
      lifecycle: {
        phase: 'removed',
        sunset: '2026-01-22',
        daysElapsed: 203,
        replacement: { operationId: 'downloadFlexBackup' },
      },
    });
    expect(json.changes).toHaveLength(1);
    expect(Object.keys(json.changes[0]).sort()).toEqual(['kind', 'location', 'message', 'severity']);
    expect(json.changes[0]).toMatchObject({
      severity: 'breaking',
      kind: 'operation-removed-after-sunset',
      location: 'operation',
    });
    expect(json.changes[0].message).toContain('downloadFlexBackup');
  });

  it('markdown output for a pull-request comment, with the migration notice', async () => {
    const r = await runCli(['--upstream', UPSTREAM['2026-08-13'], '--now', '2026-08-13', '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('## ❌ Atlas API drift: breaking change')).toBe(true);
    expect(r.stdout).toContain('| Severity | Kind | Location | Message |');
    expect(r.stdout).toMatch(
      /\| 🔴 breaking \| `operation-removed-after-sunset` \| `operation` \| .*downloadFlexBackup/,
    );
    expect(r.stdout).toContain('### Migration notice');
  });

  it('markdown for a clean run says so', async () => {
    const r = await runCli(['--upstream', UPSTREAM['2026-03-05'], '--now', '2026-01-10', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('## ✅ Atlas API drift: no breaking change')).toBe(true);
    expect(r.stdout).toContain('`request-parameter-removed`');
  });

  it('exit 1 for the 2025-06-30 upstream (sunset moved earlier); a leading `--` (pnpm drift -- …) is accepted', async () => {
    const r = await runCli(['--', '--upstream', UPSTREAM['2025-06-30'], '--now', '2026-01-10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sunset-moved-earlier');
    expect(r.stdout).toMatch(/Result: BREAKING — 1 breaking, 2 warning, 3 info/);
  });

  it('--verbose lists description/code-sample notes without changing the verdict', async () => {
    const quiet = await runCli(['--upstream', UPSTREAM['2026-03-05'], '--now', '2026-01-10', '--format', 'json']);
    const verbose = await runCli([
      '--upstream',
      UPSTREAM['2026-03-05'],
      '--now',
      '2026-01-10',
      '--format',
      'json',
      '--verbose',
    ]);
    expect(quiet.code).toBe(0);
    expect(verbose.code).toBe(0);
    const q = JSON.parse(quiet.stdout);
    const v = JSON.parse(verbose.stdout);
    expect(v.changes.length).toBeGreaterThan(q.changes.length);
    expect(v.changes.filter((c: { kind: string }) => c.kind === 'example-changed').length).toBeGreaterThan(0);
    expect(v.breaking).toBe(false);
  });

  it('colour only when forced or on a TTY, and NO_COLOR wins', async () => {
    const args = ['--upstream', UPSTREAM['2026-03-05'], '--now', '2026-01-10'];
    const forced = await runCli(args, { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const noColor = await runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('--timings prints the phase split and memory', async () => {
    const r = await runCli([
      '--upstream',
      UPSTREAM['2025-06-30'],
      '--now',
      '2026-01-10',
      '--timings',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
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
  const args = ['--upstream', UPSTREAM['2026-08-13'], '--now', '2026-08-13'];
  it('a reviewed acknowledgement turns the check green, and is still reported', async () => {
    const ack = file(
      'ack.yaml',
      'acknowledged:\n  - kind: operation-removed-after-sunset\n    location: operation\n    reason: "migrated to downloadFlexBackup in #42"\n    expires: 2026-09-30\n',
    );
    const r = await runCli([...args, '--acknowledged', ack, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.breaking).toBe(false);
    expect(json.changes[0].acknowledged).toEqual({
      reason: 'migrated to downloadFlexBackup in #42',
      expires: '2026-09-30',
    });
    expect(json.acknowledgements).toMatchObject({ applied: 1, expired: [], unused: [] });
  });

  it('an expired acknowledgement stops applying and is reported', async () => {
    const ack = file(
      'ack-expired.yaml',
      'acknowledged:\n  - kind: operation-removed-after-sunset\n    location: operation\n    reason: grace period\n    expires: 2026-08-12\n',
    );
    const json = await runCli([...args, '--acknowledged', ack, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).acknowledgements.expired).toEqual([
      { kind: 'operation-removed-after-sunset', location: 'operation', reason: 'grace period', expires: '2026-08-12' },
    ]);
    const text = await runCli([...args, '--acknowledged', ack]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('EXPIRED ACKNOWLEDGEMENTS (1) — no longer applied');
  });

  it('an acknowledgement without a reason is unusable input', async () => {
    const ack = file(
      'ack-bad.yaml',
      'acknowledged:\n  - kind: operation-removed-after-sunset\n    location: operation\n',
    );
    expectOneLineError(await runCli([...args, '--acknowledged', ack]), /'reason' is required/);
  });

  it("the example entries in the README and the workflow header turn today's red run green; the default file keeps it red", async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const fromReadme = /<!-- example: acknowledge-removal[^\n]*-->\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    const workflow = readFileSync(new URL('../../../.github/workflows/atlas-drift.yml', import.meta.url), 'utf8');
    const fromWorkflow = /^# {8}(acknowledged:\n(?:# {10}.*\n)+)/m.exec(workflow)?.[1]?.replace(/^# {8}/gm, '');
    for (const [name, example] of [
      ['readme', fromReadme],
      ['workflow', fromWorkflow],
    ] as const) {
      expect(example, name).toMatch(
        /kind: operation-removed-after-sunset\n\s+location: operation\n\s+reason: .+\n\s+expires: /,
      );
      const r = await runCli([...args, '--acknowledged', file(`ack-${name}.yaml`, example ?? ''), '--format', 'json']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.changes[0]).toMatchObject({
        kind: 'operation-removed-after-sunset',
        acknowledged: { expires: '2026-12-31' },
      });
      expect(json.acknowledgements).toMatchObject({ applied: 1, expired: [], unused: [] });
    }
    const red = await runCli(args);
    expect(red.code).toBe(1);
    expect(red.stdout).toContain('operation-removed-after-sunset');
  });

  it('the committed default file exists and is valid (empty list)', async () => {
    expect(readFileSync(new URL('../acknowledged.yaml', import.meta.url), 'utf8')).toMatch(/^acknowledged: \[\]$/m);
  });
});

describe('exit 2: unusable input, one line, no stack trace', () => {
  it('missing file', async () => {
    expectOneLineError(await runCli(['--upstream', join(tmp, 'nope.yaml')]), /cannot read .*nope\.yaml: no such file/);
  });
  it('bad YAML', async () => {
    const bad = file('bad.yaml', 'openapi: 3.0.1\npaths:\n  /x:\n    get: [unclosed\n');
    expectOneLineError(await runCli(['--upstream', bad]), /bad YAML in .*bad\.yaml: .* at line \d+/);
  });
  it('bad YAML far from the operation in a multi-megabyte upstream (every document is parsed in full)', async () => {
    // a copy of the real 2.8 MB upstream with one broken line in another operation, ~27 000 lines
    // away from the pinned one: the check must not pass just because it never reads that part
    const lines = readFileSync(UPSTREAM['2026-03-05'], 'utf8').split('\n');
    expect(lines[27_199]).not.toContain('downloadClusterBackupTenant');
    lines.splice(27_199, 0, 'bad: "unclosed');
    const bad = file('big-bad.yaml', lines.join('\n'));
    const r = await runCli(['--upstream', bad, '--now', '2026-01-10']);
    expectOneLineError(r, /bad YAML in .*big-bad\.yaml: .* at line \d+, column \d+$/);
  });
  it('a duplicated key in the last tag of the 3.8 MB upstream', async () => {
    const text = readFileSync(UPSTREAM['2025-06-30'], 'utf8');
    const last = '      name: X.509 Authentication\n';
    expect(text.split(last)).toHaveLength(2);
    const bad = file('big-duplicate.yaml', text.replace(last, `${last}      name: X.509 again\n`));
    expectOneLineError(
      await runCli(['--upstream', bad, '--now', '2026-01-10']),
      /bad YAML in .*duplicated mapping key/,
    );
  });
  it('bad JSON', async () => {
    const bad = file('bad.json', '{"openapi": "3.0.1", "paths": {');
    expectOneLineError(await runCli(['--upstream', bad]), /bad JSON in .*bad\.json/);
  });
  it('not OpenAPI 3.x (Swagger 2.0)', async () => {
    const swagger = file('swagger.yaml', 'swagger: "2.0"\npaths: {}\n');
    expectOneLineError(await runCli(['--upstream', swagger]), /is not an OpenAPI 3\.x document \(Swagger 2\.0\)/);
  });
  it('not OpenAPI at all (a YAML scalar)', async () => {
    const text = file('text.yaml', 'just some words\n');
    expectOneLineError(
      await runCli(['--baseline', text, '--upstream', UPSTREAM['2026-03-05']]),
      /not an OpenAPI 3\.x document/,
    );
  });
  it('unknown flag', async () => {
    expectOneLineError(await runCli(['--bogus']), /Unknown option '--bogus'/);
  });
  it('bad --format', async () => {
    expectOneLineError(await runCli(['--format', 'xml']), /--format must be text, json or markdown/);
  });
  it('bad --now', async () => {
    expectOneLineError(await runCli(['--now', '2026-02-30']), /--now must be a date as YYYY-MM-DD/);
  });
  it('bad --timeout', async () => {
    expectOneLineError(await runCli(['--timeout', '0']), /--timeout must be a positive number/);
  });
  it('plain http to a non-loopback host is refused without any network access', async () => {
    expectOneLineError(await runCli(['--upstream', 'http://example.com/v2.yaml']), /refusing http: URL/);
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
      if (req.url === '/v2.yaml') res.writeHead(200, { 'content-type': 'application/yaml' }).end(spec);
      else res.writeHead(404).end('not found');
    });
    // accepts connections and never answers
    hanging = createServer(() => {});
    hanging.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/v2.yaml`;
    // a port that was just free: nothing listens there
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
    const r = await runCli(['--upstream', `${base}/v2.yaml`, '--now', '2026-01-10', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).operation.upstream).toMatchObject({ found: true, source: `${base}/v2.yaml` });
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
