import { atlas as atlasFacts, operation } from '@atlas-kit/openapi';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AtlasApiError,
  AtlasAuthError,
  AtlasNetworkError,
  AtlasTimeoutError,
  createAtlasClient,
} from '../src/index.ts';
import { atlas, GROUP, JOB, json, SNAPSHOT, startServer, useTestServer } from './helpers/server.ts';

const oauthTokenPath = atlasFacts.oauth.tokenPath;

const flexMedia = operation('downloadFlexBackup').mediaType;
const flexJob = { id: JOB, instanceName: 'Cluster0', snapshotId: SNAPSHOT, status: 'PENDING' };
const CLIENT_ID = 'mdb_sa_id_0123456789abcdef';
const CLIENT_SECRET = 'mdb_sa_sk_s3cr3t-value+/=';

const server = useTestServer();
let issued = 0;
/** Token the API accepts; others answer 401. */
let valid = new Set<string>();
let expiresIn = 3600;

beforeEach(() => {
  issued = 0;
  valid = new Set();
  expiresIn = 3600;
  server.handle(async (req, res) => {
    if (req.path === oauthTokenPath) {
      issued += 1;
      const token = `access-${issued}`;
      valid.add(token);
      // A little latency so that concurrent callers really overlap.
      await new Promise((r) => setTimeout(r, 20));
      return json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn });
    }
    const auth = req.headers.authorization ?? '';
    if (!valid.has(auth.replace(/^Bearer /, '')))
      return json(res, 401, { error: 401, errorCode: 'UNAUTHORIZED', reason: 'Unauthorized' });
    return atlas(res, 200, flexJob, flexMedia);
  });
});

const make = (extra: { refreshMarginMs?: number } = {}) =>
  createAtlasClient({
    baseUrl: server.url,
    auth: { type: 'serviceAccount', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...extra },
  });
const download = (c: ReturnType<typeof make>) =>
  c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
const tokenRequests = () => server.requests.filter((r) => r.path === oauthTokenPath);
const apiRequests = () => server.requests.filter((r) => r.path !== oauthTokenPath);

describe('service account (OAuth 2.0 client credentials)', () => {
  it('asks {baseUrl} + the spec tokenUrl path (/api/oauth/token) with Basic client id/secret and grant_type=client_credentials', async () => {
    await download(make());
    const [token] = tokenRequests();
    expect(token?.method).toBe('POST');
    const expectedBasic = Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString(
      'base64',
    );
    expect(token?.headers.authorization).toBe(`Basic ${expectedBasic}`);
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token?.body).toBe('grant_type=client_credentials');
    expect(apiRequests()[0]?.headers.authorization).toBe('Bearer access-1');
  });

  it('caches the token across calls', async () => {
    const c = make();
    await download(c);
    await download(c);
    await download(c);
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-1',
      'Bearer access-1',
    ]);
  });

  it('concurrent calls share one token request', async () => {
    const c = make();
    await Promise.all(Array.from({ length: 8 }, () => download(c)));
    expect(tokenRequests()).toHaveLength(1);
    expect(new Set(apiRequests().map((r) => r.headers.authorization))).toEqual(new Set(['Bearer access-1']));
  });

  it('refreshes shortly before expires_in', async () => {
    expiresIn = 2; // 2 s lifetime; the margin is capped at half of it → refresh after 1 s
    const c = make({ refreshMarginMs: 60_000 });
    await download(c);
    await download(c);
    expect(tokenRequests()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_100));
    await download(c);
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests().at(-1)?.headers.authorization).toBe('Bearer access-2');
  });

  it('on a 401 refreshes the token once and resends the same request (body included)', async () => {
    const c = make();
    await download(c);
    valid.clear(); // the server revokes access-1
    const r = await download(c);
    expect(r.data).toEqual(flexJob);
    expect(tokenRequests()).toHaveLength(2);
    const api = apiRequests();
    expect(api.map((x) => x.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-1', 'Bearer access-2']);
    expect(api[2]?.body).toBe(JSON.stringify({ snapshotId: SNAPSHOT }));
    expect(api[2]?.headers['content-type']).toBe(flexMedia);
  });

  it('concurrent calls that all get a 401 share one refresh: 2 token requests in all, every call succeeds', async () => {
    const c = make();
    await download(c);
    valid.clear(); // the server revokes access-1, which all six calls below carry
    const results = await Promise.all(Array.from({ length: 6 }, () => download(c)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(tokenRequests()).toHaveLength(2); // the initial token and one refresh
    const api = apiRequests().slice(1);
    expect(api.filter((r) => r.headers.authorization === 'Bearer access-1')).toHaveLength(6);
    expect(api.filter((r) => r.headers.authorization === 'Bearer access-2')).toHaveLength(6);
    expect(api).toHaveLength(12);
  });

  it('client.raw (plain openapi-fetch) carries the same middleware: a 401 resend replays the cloned body', async () => {
    const c = make();
    await download(c);
    valid.clear();
    const { data, response } = await c.raw.POST('/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download', {
      params: { path: { groupId: GROUP, name: 'Cluster0' } },
      body: { snapshotId: SNAPSHOT },
      headers: { Accept: flexMedia, 'Content-Type': flexMedia },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(flexJob);
    const api = apiRequests();
    expect(api.at(-1)?.headers.authorization).toBe('Bearer access-2');
    expect(api.at(-1)?.body).toBe(JSON.stringify({ snapshotId: SNAPSHOT }));
  });

  it('a second 401 is reported, not looped on', async () => {
    server.handle((req, res) =>
      req.path === oauthTokenPath
        ? json(res, 200, { access_token: `access-${++issued}`, token_type: 'bearer', expires_in: 3600 })
        : json(res, 401, { error: 401, errorCode: 'UNAUTHORIZED', reason: 'Unauthorized' }),
    );
    const e = await download(make()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasApiError);
    expect((e as AtlasApiError).status).toBe(401);
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests()).toHaveLength(2);
  });

  it('a refused token request → AtlasAuthError with the OAuth error, and no API call', async () => {
    server.handle((req, res) =>
      req.path === oauthTokenPath
        ? json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' })
        : atlas(res, 200, flexJob, flexMedia),
    );
    const e = (await download(make()).catch((x: unknown) => x)) as AtlasAuthError;
    expect(e).toBeInstanceOf(AtlasAuthError);
    expect(e.code).toBe('AUTH');
    expect(e.status).toBe(401);
    expect(e.oauthError).toBe('invalid_client');
    expect(e.message).toBe(
      'service-account token request was refused: HTTP 401 invalid_client — Client authentication failed',
    );
    expect(apiRequests()).toHaveLength(0);
  });

  it('a token answer without access_token → AtlasAuthError; the next call tries again', async () => {
    let n = 0;
    server.handle((req, res) => {
      if (req.path !== oauthTokenPath) return atlas(res, 200, flexJob, flexMedia);
      n += 1;
      if (n === 1) {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<html>maintenance</html>');
      }
      return json(res, 200, { access_token: 'access-ok', expires_in: 3600 });
    });
    const c = make();
    await expect(download(c)).rejects.toThrow(
      'service-account token endpoint answered HTTP 200 without an access_token (body is not JSON)',
    );
    await expect(download(c)).resolves.toMatchObject({ status: 200 });
  });

  it('a token answer with expires_in 0 is used for the calls that waited for it, never cached (not 3600 s)', async () => {
    expiresIn = 0;
    const c = make();
    await download(c);
    await download(c);
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('a token answer without expires_in gets the documented 3600 s', async () => {
    server.handle((req, res) =>
      req.path === oauthTokenPath
        ? json(res, 200, { access_token: 'access-default', token_type: 'Bearer' })
        : atlas(res, 200, flexJob, flexMedia),
    );
    const c = make();
    await download(c);
    await download(c);
    expect(tokenRequests()).toHaveLength(1);
  });

  it.each([[-5], ['soon'], [''], [true], [{}]])(
    'a token answer with expires_in %j → AtlasAuthError naming expires_in',
    async (value) => {
      server.handle((req, res) =>
        req.path === oauthTokenPath
          ? json(res, 200, { access_token: 'access-x', token_type: 'Bearer', expires_in: value })
          : atlas(res, 200, flexJob, flexMedia),
      );
      const e = (await download(make()).catch((x: unknown) => x)) as AtlasAuthError;
      expect(e).toBeInstanceOf(AtlasAuthError);
      expect(e.message).toMatch(
        /^service-account token endpoint answered an invalid expires_in \(.+\); expected a number of seconds ≥ 0$/,
      );
      expect(apiRequests()).toHaveLength(0);
    },
  );

  it('an unreachable Atlas is NETWORK with its cause, as with bearer and digest (never AUTH)', async () => {
    const closed = await startServer();
    const baseUrl = closed.url;
    await closed.close();
    const auths = [
      { type: 'serviceAccount', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      { type: 'bearer', token: 'given-token' },
      { type: 'digest', publicKey: 'public', privateKey: 'private-key-0123' },
    ] as const;
    for (const auth of auths) {
      const e = (await download(createAtlasClient({ baseUrl, auth }) as ReturnType<typeof make>).catch(
        (x: unknown) => x,
      )) as AtlasNetworkError;
      expect(e, auth.type).toBeInstanceOf(AtlasNetworkError);
      expect(e.code).toBe('NETWORK');
      expect(e.operationId).toBe('downloadFlexBackup');
      expect(e.cause).toBeInstanceOf(Error);
      expect(e.message).toMatch(/ECONNREFUSED/);
    }
  });

  it('the service-account message says it was the token request that failed', async () => {
    const closed = await startServer();
    const baseUrl = closed.url;
    await closed.close();
    const c = createAtlasClient({
      baseUrl,
      auth: { type: 'serviceAccount', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
    await expect(download(c as ReturnType<typeof make>)).rejects.toThrow(
      new RegExp(`service-account token request to ${baseUrl}${oauthTokenPath} failed: fetch failed.*ECONNREFUSED`),
    );
  });

  it('a token endpoint that does not answer in time is TIMEOUT, never AUTH', async () => {
    server.handle(() => {
      /* never answers */
    });
    const c = createAtlasClient({
      baseUrl: server.url,
      timeoutMs: 100, // also the bound of the token request
      auth: { type: 'serviceAccount', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
    const e = (await c
      .downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT }, { timeoutMs: 5_000 })
      .catch((x: unknown) => x)) as AtlasTimeoutError;
    expect(e).toBeInstanceOf(AtlasTimeoutError);
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toBe(
      `service-account token request to ${server.url}${oauthTokenPath} did not finish within 100 ms`,
    );
  });

  it('rejects empty credentials when the client is made', () => {
    expect(() => createAtlasClient({ auth: { type: 'serviceAccount', clientId: '', clientSecret: 'x' } })).toThrow(
      'createAtlasClient: auth.clientId must be a non-empty string',
    );
    expect(() => createAtlasClient({ auth: { type: 'serviceAccount', clientId: 'x', clientSecret: '' } })).toThrow(
      'createAtlasClient: auth.clientSecret must be a non-empty string',
    );
  });
});

describe('bearer token', () => {
  it('sends the token as given; a 401 is reported as AtlasApiError without retry', async () => {
    server.handle((req, res) =>
      req.headers.authorization === 'Bearer given-token'
        ? atlas(res, 200, flexJob, flexMedia)
        : json(res, 401, { error: 401, errorCode: 'UNAUTHORIZED' }),
    );
    const ok = createAtlasClient({ baseUrl: server.url, auth: { type: 'bearer', token: 'given-token' } });
    await expect(download(ok as ReturnType<typeof make>)).resolves.toMatchObject({ status: 200 });
    const bad = createAtlasClient({ baseUrl: server.url, auth: { type: 'bearer', token: 'wrong-token' } });
    await expect(download(bad as ReturnType<typeof make>)).rejects.toMatchObject({
      status: 401,
      errorCode: 'UNAUTHORIZED',
    });
    expect(apiRequests()).toHaveLength(2);
    expect(tokenRequests()).toHaveLength(0);
  });
});
