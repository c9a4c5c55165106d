import { createHash, randomBytes } from 'node:crypto';
import { operation } from '@atlas-kit/openapi';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAuthenticate } from '../src/auth/challenge.ts';
import { AtlasApiError, AtlasAuthError, createAtlasClient } from '../src/index.ts';
import { atlas, GROUP, JOB, json, SNAPSHOT, useTestServer } from './helpers/server.ts';

const tenantMedia = operation('downloadClusterBackupTenant').mediaType;
const job = { id: JOB, clusterName: 'Cluster0', snapshotId: SNAPSHOT, status: 'PENDING' };
const PUBLIC = 'abcdefgh';
const PRIVATE = '8f1c0d7e-priv-ate0-key0-123456789abc';
const REALM = 'MMS Public API';

// The server side, written independently of the client code with node:crypto (RFC 7616 §3.4.1).
const h = (alg: string, s: string) =>
  createHash(alg.startsWith('SHA-256') ? 'sha256' : 'md5')
    .update(s)
    .digest('hex');
function expectedResponse(p: Record<string, string>, method: string, password: string): string {
  const alg = p.algorithm ?? 'MD5';
  const ha1 = h(alg, `${p.username}:${p.realm}:${password}`);
  const ha2 = h(alg, `${method}:${p.uri}`);
  return h(alg, `${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
}

const server = useTestServer();
let algorithm: 'MD5' | 'SHA-256' | 'both';
let nonce: string;
let stale = false;
const seen: Array<Record<string, string>> = [];

beforeEach(() => {
  seen.length = 0;
  algorithm = 'SHA-256';
  nonce = randomBytes(12).toString('base64');
  stale = false;
  server.handle((req, res) => {
    const challenge = (alg: string) =>
      `Digest realm="${REALM}", domain="", nonce="${nonce}", algorithm=${alg}, qop="auth"${stale ? ', stale=true' : ''}`;
    const refuse = () => {
      const challenges = algorithm === 'both' ? [challenge('MD5'), challenge('SHA-256')] : [challenge(algorithm)];
      res.writeHead(401, { 'WWW-Authenticate': challenges, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 401, errorCode: 'UNAUTHORIZED', reason: 'Unauthorized' }));
    };
    const header = req.headers.authorization;
    if (!header) return refuse();
    const [c] = parseAuthenticate(header);
    const p = c?.params ?? {};
    seen.push(p);
    if (p.nonce !== nonce) {
      stale = true; // a known-good response to an old nonce
      return refuse();
    }
    if (p.uri !== req.url || p.response !== expectedResponse(p, req.method, PRIVATE) || p.username !== PUBLIC) {
      stale = false;
      return refuse();
    }
    return atlas(res, 200, job, tenantMedia);
  });
});

const make = (privateKey = PRIVATE) =>
  createAtlasClient({
    baseUrl: server.url,
    auth: { type: 'digest', publicKey: PUBLIC, privateKey },
    onDeprecation: () => {},
  });
const post = (c: ReturnType<typeof make>, envelope = false) =>
  c.downloadClusterBackupTenant(
    { groupId: GROUP, clusterName: 'Cluster0' },
    { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' },
    { envelope },
  );

describe('API keys with HTTP Digest', () => {
  it.each(['SHA-256', 'MD5'] as const)(
    'answers a %s challenge (qop=auth) and resends the POST with its body',
    async (alg) => {
      algorithm = alg;
      const r = await post(make());
      expect(r.data).toEqual(job);
      expect(server.requests).toHaveLength(2);
      expect(server.requests[0]?.headers.authorization).toBeUndefined();
      expect(server.requests[1]?.body).toBe(
        JSON.stringify({ snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' }),
      );
      expect(server.requests[1]?.headers['content-type']).toBe(tenantMedia);
      expect(seen[0]).toMatchObject({ username: PUBLIC, realm: REALM, algorithm: alg, qop: 'auth', nc: '00000001' });
      expect(seen[0]?.cnonce).toMatch(/^[0-9a-f]{32}$/);
    },
  );

  it('picks SHA-256 when the server offers SHA-256 and MD5', async () => {
    algorithm = 'both';
    await post(make());
    expect(seen[0]?.algorithm).toBe('SHA-256');
  });

  it('reuses the nonce for later calls (nc counts up, a fresh cnonce each time, no new 401)', async () => {
    const c = make();
    await post(c);
    await post(c);
    await c.getBackupTenantRestore({ groupId: GROUP, clusterName: 'Cluster0', restoreId: JOB });
    expect(server.requests.map((r) => Boolean(r.headers.authorization))).toEqual([false, true, true, true]);
    expect(seen.map((p) => p.nc)).toEqual(['00000001', '00000002', '00000003']);
    expect(new Set(seen.map((p) => p.cnonce)).size).toBe(3);
    expect(new Set(seen.map((p) => p.nonce))).toEqual(new Set([nonce]));
  });

  it('concurrent first calls answering the same challenge never reuse an nc for that nonce', async () => {
    const c = make();
    // Three calls go out before any challenge is known: each gets a 401 for the same nonce.
    const results = await Promise.all([post(c), post(c), post(c)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(server.requests.filter((r) => !r.headers.authorization)).toHaveLength(3);
    const pairs = seen.map((p) => `${p.nonce} ${p.nc}`);
    expect(pairs).toHaveLength(3);
    expect(new Set(seen.map((p) => p.nonce))).toEqual(new Set([nonce]));
    expect(new Set(pairs).size).toBe(3);
    expect(seen.map((p) => p.nc).sort()).toEqual(['00000001', '00000002', '00000003']);
  });

  it('signs the query too (uri includes envelope=true)', async () => {
    await post(make(), true).catch(() => undefined);
    expect(seen[0]?.uri).toMatch(/\?envelope=true$/);
  });

  it('takes the new nonce when the server says stale=true, and resends once', async () => {
    const c = make();
    await post(c);
    const old = nonce;
    nonce = randomBytes(12).toString('base64'); // server expires the nonce
    const r = await post(c);
    expect(r.status).toBe(200);
    expect(seen.map((p) => p.nonce)).toEqual([old, old, nonce]);
    expect(seen.at(-1)?.nc).toBe('00000001');
  });

  it('a wrong private key → AtlasApiError 401 after one challenge round, no loop', async () => {
    const e = await post(make('wrong-private-key')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasApiError);
    expect((e as AtlasApiError).status).toBe(401);
    expect(server.requests).toHaveLength(2);
  });

  it('an unanswerable challenge → AtlasAuthError naming what was offered', async () => {
    server.handle((_req, res) => {
      res.writeHead(401, {
        'WWW-Authenticate': `Digest realm="${REALM}", nonce="n", algorithm=SHA-512-256, qop="auth"`,
      });
      res.end();
    });
    const e = await post(make()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasAuthError);
    expect((e as Error).message).toBe(
      "the server's digest challenge cannot be answered (offered: SHA-512-256 qop=auth; supported: SHA-256, SHA-256-sess, MD5, MD5-sess with qop=auth)",
    );
  });

  it('a 401 without a digest challenge is reported as it is', async () => {
    server.handle((_req, res) => json(res, 401, { error: 401, errorCode: 'NOT_ORG_GROUP_CREATOR' }));
    await expect(post(make())).rejects.toMatchObject({ status: 401, errorCode: 'NOT_ORG_GROUP_CREATOR' });
    expect(server.requests).toHaveLength(1);
  });
});
