// Every error path, provoked with recognisable secrets: none of them may show up in a message,
// String(err), util.inspect(err), JSON.stringify(err), console output, debug output, or the
// client object's inspect/JSON/String forms.
import { inspect } from 'node:util';
import { atlas as atlasFacts, operation } from '@atlas-kit/openapi';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtlasError, createAtlasClient } from '../src/index.ts';
import { atlas, GROUP, JOB, json, SNAPSHOT, startServer, useTestServer } from './helpers/server.ts';

const oauthTokenPath = atlasFacts.oauth.tokenPath;

const CLIENT_SECRET = 'SECRETcs-7f3a9b2e+/ü';
const BEARER = 'SECRETbt-c41d8e0a';
const PRIVATE_KEY = 'SECRETpk-e5b2d901';
const ACCESS = 'SECRETat-99aa77bb';
const basic = Buffer.from(`client-id:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64');
const secrets = [CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET), BEARER, PRIVATE_KEY, ACCESS, basic, 'SECRET'];
const tenantMedia = operation('downloadClusterBackupTenant').mediaType;

const server = useTestServer();
let debugLines: string[] = [];
let consoleLines: string[] = [];

beforeEach(() => {
  debugLines = [];
  consoleLines = [];
  for (const m of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: Infinity }))).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  const all = [...debugLines, ...consoleLines].join('\n');
  for (const s of secrets) expect(all).not.toContain(s);
});

/** A server that echoes every request header (Authorization included) back in its answers. */
const echo = (req: { headers: Record<string, unknown> }) => JSON.stringify(req.headers);

function assertClean(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  const forms = [
    (error as Error).message,
    String(error),
    inspect(error, { depth: Infinity }),
    inspect(error, { depth: Infinity, showHidden: true }),
    JSON.stringify(error),
    (error as Error).stack ?? '',
  ];
  for (const form of forms) for (const s of secrets) expect(form).not.toContain(s);
}

const opts = { onDeprecation: undefined, debug: (l: string) => debugLines.push(l) };
const serviceAccount = (baseUrl = server.url, timeoutMs?: number) =>
  createAtlasClient({
    baseUrl,
    auth: { type: 'serviceAccount', clientId: 'client-id', clientSecret: CLIENT_SECRET },
    ...opts,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
const bearer = (timeoutMs?: number) =>
  createAtlasClient({
    baseUrl: server.url,
    auth: { type: 'bearer', token: BEARER },
    ...opts,
    ...(timeoutMs ? { timeoutMs } : {}),
    retry: { maxAttempts: 2, maxDelayMs: 1 },
  });
const digest = () =>
  createAtlasClient({
    baseUrl: server.url,
    auth: { type: 'digest', publicKey: 'public-key', privateKey: PRIVATE_KEY },
    ...opts,
  });
const call = (c: ReturnType<typeof bearer>) =>
  c.downloadClusterBackupTenant(
    { groupId: GROUP, clusterName: 'Cluster0' },
    { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' },
  );
const fail = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => {
      throw new Error('expected a failure');
    },
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AtlasError);
  assertClean(e);
  return e as AtlasError;
};

describe('secrets never leak', () => {
  it('token endpoint refuses, echoing the credentials in error and error_description', async () => {
    server.handle((req, res) =>
      json(res, 401, {
        error: `invalid_client ${CLIENT_SECRET}`,
        error_description: `bad credentials ${echo(req)} ${CLIENT_SECRET}`,
      }),
    );
    const e = await fail(call(serviceAccount()));
    expect(e.code).toBe('AUTH');
  });

  it('token endpoint answers HTML echoing the request', async () => {
    server.handle((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<pre>${echo(req)}</pre>`);
    });
    expect((await fail(call(serviceAccount()))).code).toBe('AUTH');
  });

  it('token endpoint unreachable', async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    expect((await fail(call(serviceAccount(url)))).code).toBe('NETWORK');
  });

  it('token endpoint never answers (timeout)', async () => {
    server.handle(() => {});
    await fail(call(serviceAccount(server.url, 100)));
  });

  it('API 401 after the refresh, echoing the access token', async () => {
    server.handle((req, res) =>
      req.path === oauthTokenPath
        ? json(res, 200, { access_token: ACCESS, token_type: 'Bearer', expires_in: 3600 })
        : json(res, 401, {
            error: 401,
            errorCode: 'UNAUTHORIZED',
            detail: `token ${ACCESS} refused; ${echo(req)}`,
            reason: ACCESS,
            parameters: [ACCESS],
          }),
    );
    const e = await fail(call(serviceAccount()));
    expect(e).toMatchObject({ status: 401, errorCode: 'UNAUTHORIZED' });
  });

  it('HTML 502 from a proxy echoing the Authorization header (bearer)', async () => {
    server.handle((req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end(`<html>Bad Gateway ${echo(req)}</html>`);
    });
    const e = (await fail(call(bearer()))) as AtlasError & { bodyText?: string };
    expect(e.bodyText).toContain('[redacted]');
  });

  it('400 with badRequestDetail echoing the token', async () => {
    server.handle((req, res) =>
      json(res, 400, {
        error: 400,
        errorCode: 'INVALID',
        badRequestDetail: { fields: [{ field: 'x', description: echo(req) }] },
      }),
    );
    await fail(call(bearer()));
  });

  it('429 until giving up', async () => {
    server.handle((req, res) =>
      json(res, 429, { error: 429, errorCode: 'RATE_LIMITED', detail: echo(req) }, { 'Retry-After': '0' }),
    );
    expect((await fail(call(bearer()))).code).toBe('RATE_LIMITED');
  });

  it('410 VERSION_GONE', async () => {
    server.handle((req, res) => json(res, 410, { error: 410, errorCode: 'VERSION_GONE', detail: echo(req) }));
    expect((await fail(call(bearer()))).code).toBe('ENDPOINT_SUNSET');
  });

  it('network error and timeout on the API call', async () => {
    server.handle((_req, res) => res.socket?.destroy());
    expect((await fail(call(bearer()))).code).toBe('NETWORK');
    server.handle(() => {});
    expect((await fail(call(bearer(100)))).code).toBe('TIMEOUT');
  });

  it('validation error, with the client secret pasted into a field', async () => {
    const e = await fail(
      bearer().downloadFlexBackup({ groupId: BEARER, name: 'Cluster0' }, { snapshotId: `x${BEARER}` }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('(got "[redacted]")');
  });

  it('digest: wrong key (401 echoing the Authorization) and an unanswerable challenge', async () => {
    server.handle((req, res) => {
      res.writeHead(401, {
        'WWW-Authenticate': 'Digest realm="MMS Public API", nonce="n1", algorithm=MD5, qop="auth"',
        'Content-Type': 'application/json',
      });
      res.end(JSON.stringify({ error: 401, errorCode: 'UNAUTHORIZED', detail: `${echo(req)} ${PRIVATE_KEY}` }));
    });
    expect((await fail(call(digest()))).code).toBe('API_ERROR');
    server.handle((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Digest realm="r", nonce="n", algorithm=SHA-512-256' });
      res.end();
    });
    expect((await fail(call(digest()))).code).toBe('AUTH');
  });

  it('restore job FAILED in requestSnapshotDownload (default console deprecation warning on)', async () => {
    server.handle((req, res) =>
      atlas(res, 200, { id: JOB, clusterName: 'Cluster0', status: 'FAILED', detail: echo(req) }, tenantMedia),
    );
    const c = createAtlasClient({
      baseUrl: server.url,
      auth: { type: 'bearer', token: BEARER },
      now: () => new Date('2025-12-01T00:00:00Z'),
      debug: (l) => debugLines.push(l),
    });
    expect(
      (await fail(c.requestSnapshotDownload({ groupId: GROUP, clusterName: 'Cluster0', snapshotId: SNAPSHOT }))).code,
    ).toBe('RESTORE_JOB_FAILED');
    expect(consoleLines.length).toBe(1); // the deprecation notice, once
  });

  it('the client object shows no secret when inspected, serialised or printed', async () => {
    server.handle((req, res) =>
      req.path === oauthTokenPath
        ? json(res, 200, { access_token: ACCESS, token_type: 'Bearer', expires_in: 3600 })
        : atlas(res, 200, { id: JOB, clusterName: 'Cluster0', status: 'PENDING' }, tenantMedia),
    );
    for (const c of [serviceAccount(), bearer(), digest()]) {
      await call(c).catch(() => undefined); // a token is cached / a nonce is kept
      const forms = [
        inspect(c, { depth: Infinity, showHidden: true }),
        inspect(c.raw, { depth: Infinity, showHidden: true }),
        JSON.stringify(c),
        String(c),
        `${c}`,
      ];
      for (const form of forms) for (const s of secrets) expect(form).not.toContain(s);
      console.log(c);
    }
    expect(inspect(bearer())).toBe(`AtlasClient {"baseUrl":"${server.url}","auth":"bearer"}`);
    expect(debugLines.length).toBeGreaterThan(0);
  });
});

describe('a secret typed into a validated field', () => {
  // Every 8-character piece of the secret: a shortened or escaped copy still contains some.
  const pieces = (secret: string) => Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));
  const forms = (e: AtlasError & { issues?: Array<{ message: string }> }) => [
    e.message,
    ...(e.issues ?? []).map((i) => i.message),
    JSON.stringify(e),
    inspect(e, { depth: Infinity, showHidden: true }),
  ];
  const rejected = async (p: Promise<unknown>) => {
    const e = (await p.catch((x: unknown) => x)) as AtlasError;
    expect(e).toBeInstanceOf(AtlasError);
    expect(e.code).toBe('VALIDATION');
    return e;
  };

  it('a long bearer token pasted into groupId comes back in no form, not even shortened', async () => {
    const token = `opaque_${'A1b2C3d4E5f6G7h8'.repeat(5)}`;
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'bearer', token }, onDeprecation: () => {} });
    const e = await rejected(c.downloadFlexBackup({ groupId: token, name: 'Cluster0' }, { snapshotId: SNAPSHOT }));
    expect(e.message).toContain('groupId');
    expect(e.message).toContain('(got "[redacted]")');
    for (const form of forms(e)) for (const piece of pieces(token)) expect(form).not.toContain(piece);
  });

  it('a private key with " and \\ pasted into a body field comes back in no form, not even escaped', async () => {
    const key = 'pk"quoted\\back-slashed-0123456789';
    const c = createAtlasClient({
      baseUrl: server.url,
      auth: { type: 'digest', publicKey: 'public-key', privateKey: key },
      onDeprecation: () => {},
    });
    const e = await rejected(c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: key }));
    expect(e.message).toContain('snapshotId');
    for (const form of forms(e)) for (const piece of pieces(key)) expect(form).not.toContain(piece);
  });

  it('a secret inside a longer value is blanked out before the value is shortened', async () => {
    const token = `opaque_${'Z9y8X7w6V5u4T3s2'.repeat(5)}`;
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'bearer', token }, onDeprecation: () => {} });
    const e = await rejected(
      c.downloadClusterBackupTenant(
        { groupId: GROUP, clusterName: 'Cluster0' },
        { snapshotId: SNAPSHOT, targetDeploymentItemName: `my/${token}` },
      ),
    );
    expect(e.message).toContain('(got "my/[redacted]")');
    for (const form of forms(e)) for (const piece of pieces(token)) expect(form).not.toContain(piece);
  });
});
