// The client's redirect policy, over real https and http servers on 127.0.0.1: a redirect is
// followed hop by hop, and one that leaves https for plain http is refused before anything is sent.
import { atlas as atlasFacts, operation } from '@atlas-kit/openapi';
import { describe, expect, it } from 'vitest';
import { AtlasNetworkError, createAtlasClient } from '../src/index.ts';
import { refuseHop } from '../src/redirect-hops.ts';
import { atlas, GROUP, JOB, json, SNAPSHOT, type TestServer } from './helpers/server.ts';
import { useServers } from './helpers/tls.ts';

const oauthTokenPath = atlasFacts.oauth.tokenPath;
const flexMedia = operation('downloadFlexBackup').mediaType;
const flexJob = { id: JOB, instanceName: 'Cluster0', snapshotId: SNAPSHOT, status: 'PENDING' };
const TOKEN = 'tok-redirect-0123';

const serve = useServers();
/** A server that answers every request like the flex download. */
const api = (secure: boolean) => serve(secure, (_req, res) => atlas(res, 200, flexJob, flexMedia));
const redirecting = (secure: boolean, status: number, to: () => string) =>
  serve(secure, (req, res) => {
    res.writeHead(status, { Location: `${to()}${req.url}` });
    res.end();
  });
const client = (
  baseUrl: string,
  auth: Parameters<typeof createAtlasClient>[0]['auth'] = { type: 'bearer', token: TOKEN },
) => createAtlasClient({ baseUrl, auth, onDeprecation: () => {}, retry: false });
const download = (c: ReturnType<typeof client>) =>
  c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });

describe('redirects from the API', () => {
  it.each([301, 302, 303, 307, 308])(
    'with an https baseUrl, a %i to plain http is refused: nothing reaches the http server',
    async (status) => {
      const clear = await api(false);
      const front = await redirecting(true, status, () => clear.url);
      const e = (await download(client(front.url)).catch((x: unknown) => x)) as AtlasNetworkError;
      expect(e).toBeInstanceOf(AtlasNetworkError);
      expect(e.code).toBe('NETWORK');
      expect(e.message).toMatch(
        /^downloadFlexBackup: request to https:\/\/127\.0\.0\.1:\d+ failed: a redirect from https:\/\/127\.0\.0\.1:\d+\/\S+ to http:\/\/127\.0\.0\.1:\d+\/\S+ was refused: it leaves https for plain http$/,
      );
      expect(clear.requests).toEqual([]);
      expect(front.requests).toHaveLength(1);
    },
  );

  it('the service-account token request is held to the same rule', async () => {
    const clear = await serve(false, (_req, res) => json(res, 200, { access_token: 'x', expires_in: 3600 }));
    const front = await redirecting(true, 307, () => clear.url);
    const c = client(front.url, { type: 'serviceAccount', clientId: 'id', clientSecret: 'secret-0123' });
    await expect(download(c)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(clear.requests).toEqual([]);
    expect(front.requests.map((r) => r.path)).toEqual([oauthTokenPath]);
  });

  it('client.raw is held to the same rule', async () => {
    const clear = await api(false);
    const front = await redirecting(true, 307, () => clear.url);
    await expect(
      client(front.url).raw.POST('/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download', {
        params: { path: { groupId: GROUP, name: 'Cluster0' } },
        body: { snapshotId: SNAPSHOT },
        headers: { Accept: flexMedia, 'Content-Type': flexMedia },
      }),
    ).rejects.toThrow(/was refused: it leaves https for plain http/);
    expect(clear.requests).toEqual([]);
  });

  it('https → https: a 307 resends method and body; Authorization only to the same origin', async () => {
    const target = await api(true);
    const same = await serve(true, (req, res) => {
      if (req.path.startsWith('/moved')) return atlas(res, 200, flexJob, flexMedia);
      res.writeHead(307, { Location: `/moved${req.url}` });
      res.end();
    });
    await expect(download(client(same.url))).resolves.toMatchObject({ status: 200, data: flexJob });
    expect(same.requests.map((r) => [r.method, r.headers.authorization, r.body])).toEqual([
      ['POST', `Bearer ${TOKEN}`, JSON.stringify({ snapshotId: SNAPSHOT })],
      ['POST', `Bearer ${TOKEN}`, JSON.stringify({ snapshotId: SNAPSHOT })],
    ]);
    const cross = await redirecting(true, 307, () => target.url);
    await expect(download(client(cross.url))).resolves.toMatchObject({ status: 200 });
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]?.method).toBe('POST');
    expect(target.requests[0]?.body).toBe(JSON.stringify({ snapshotId: SNAPSHOT }));
    expect(target.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('a 303 (and a 302 after a POST) continues as a GET without the body and its headers', async () => {
    for (const status of [303, 302]) {
      const target = await api(true);
      const front = await redirecting(true, status, () => target.url);
      await expect(download(client(front.url))).resolves.toMatchObject({ status: 200 });
      expect(target.requests.map((r) => [r.method, r.body, r.headers['content-type']])).toEqual([
        ['GET', '', undefined],
      ]);
    }
  });

  it('an http baseUrl (local mocks) may be redirected to http: nothing is downgraded', async () => {
    const target = await api(false);
    const front = await redirecting(false, 307, () => target.url);
    await expect(download(client(front.url))).resolves.toMatchObject({ status: 200 });
    expect(target.requests).toHaveLength(1);
  });

  it('a redirect loop ends after 20 hops with a clear NETWORK error', async () => {
    const loop: TestServer = await serve(true, (req, res) => {
      res.writeHead(307, { Location: `${req.path}?n=${loop.requests.length}&signature=SIGSECRET` });
      res.end();
    });
    const e = (await download(client(loop.url)).catch((x: unknown) => x)) as AtlasNetworkError;
    expect(e).toBeInstanceOf(AtlasNetworkError);
    expect(e.message).toMatch(/failed: more than 20 redirects, the last to https:\/\/127\.0\.0\.1:\d+\/\S+\?…$/);
    expect(e.message).not.toContain('SIGSECRET');
    expect(loop.requests).toHaveLength(21);
  });

  it('a redirect to a URL with credentials is refused without showing them', async () => {
    const front = await serve(true, (_req, res) => {
      res.writeHead(307, { Location: 'https://USERNAME42:PASSWORD123@127.0.0.1:9/x?signature=SIGSECRET' });
      res.end();
    });
    const e = (await download(client(front.url)).catch((x: unknown) => x)) as AtlasNetworkError;
    expect(e).toBeInstanceOf(AtlasNetworkError);
    expect(e.message).toMatch(/carries credentials \(user:password@\)/);
    for (const s of ['USERNAME42', 'PASSWORD123', 'SIGSECRET']) expect(e.message).not.toContain(s);
  });
});

describe('what the caller decides', () => {
  it("redirect: 'manual' through client.raw is passed to fetch untouched: the 307 comes back, nothing is followed", async () => {
    const clear = await api(false);
    const front = await redirecting(true, 307, () => clear.url);
    const { response } = await client(front.url).raw.GET(
      '/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/restoreJobs/{restoreJobId}',
      {
        params: { path: { groupId: GROUP, name: 'Cluster0', restoreJobId: JOB } },
        headers: { Accept: flexMedia },
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(307);
    expect(clear.requests).toEqual([]);
  });

  it('a redirect the runtime hides (a browser answers redirect: manual with an opaque response) is refused', async () => {
    // Node never answers this way; a browser does. The shape is the one the Fetch standard gives it.
    const opaque = new Response(null);
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    const browserLike: typeof fetch = async () => opaque;
    const c = createAtlasClient({
      baseUrl: 'https://cloud.example',
      auth: { type: 'none' },
      fetch: browserLike,
      retry: false,
    });
    await expect(download(c as ReturnType<typeof client>)).rejects.toThrow(
      /https:\/\/cloud\.example\/api\/\S+ answered with a redirect this runtime does not show; not followed$/,
    );
  });
});

describe('refuseHop (the rule for each hop, without a network)', () => {
  const u = (s: string) => new URL(s);
  it.each([
    ['https://a.example/x', 'http://b.example/y', 'any'],
    ['https://127.0.0.1/x', 'http://127.0.0.1/y', 'loopback'],
  ] as const)('%s → %s is refused (plainHttp: %s)', (from, to, plainHttp) => {
    expect(refuseHop(u(from), u(to), { plainHttp })).toMatch(/leaves https for plain http/);
  });

  it.each([
    ['http://snapshots.example/x', 'loopback', /plain http is only allowed to a loopback address/],
    ['http://10.0.0.1/x', 'loopback', /plain http is only allowed to a loopback address/],
    ['http://127.0.0.1.example/x', 'loopback', /plain http is only allowed to a loopback address/],
    ['http://127.0.0.1/x', 'never', /plain http is refused/],
    ['ftp://127.0.0.1/x', 'any', /only http\(s\) URLs can be requested, got ftp:/],
    ['https://u:p@a.example/x', 'any', /carries credentials/],
  ] as const)('%s is refused (plainHttp: %s)', (to, plainHttp, message) => {
    expect(refuseHop(undefined, u(to), { plainHttp })).toMatch(message);
  });

  it.each([
    'http://127.0.0.1/x',
    'http://127.255.0.9:8080/x',
    'http://0x7f.1/x', // the URL parser makes it 127.0.0.1
    'http://localhost:4010/x',
    'http://[::1]:4010/x',
    'http://[0:0:0:0:0:0:0:1]/x',
  ])('%s counts as loopback', (to) => {
    expect(refuseHop(undefined, u(to), { plainHttp: 'loopback' })).toBeUndefined();
  });
});
