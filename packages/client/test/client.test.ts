import { operation } from '@atlas-kit/openapi';
import { describe, expect, it } from 'vitest';
import {
  AtlasApiError,
  AtlasNetworkError,
  AtlasTimeoutError,
  AtlasValidationError,
  createAtlasClient,
  EndpointSunsetError,
} from '../src/index.ts';
import { atlas, forbiddenFetch, GROUP, JOB, json, SNAPSHOT, startServer, useTestServer } from './helpers/server.ts';

const tenantMedia = operation('downloadClusterBackupTenant').mediaType;
const flexMedia = operation('downloadFlexBackup').mediaType;
const tenantJob = {
  id: JOB,
  clusterName: 'Cluster0',
  snapshotId: SNAPSHOT,
  status: 'PENDING',
  deliveryType: 'DOWNLOAD',
};
const flexJob = {
  id: JOB,
  instanceName: 'Cluster0',
  snapshotId: SNAPSHOT,
  status: 'PENDING',
  deliveryType: 'DOWNLOAD',
};

const server = useTestServer();

const client = (extra: Partial<Parameters<typeof createAtlasClient>[0]> = {}) =>
  createAtlasClient({
    baseUrl: server.url,
    auth: { type: 'bearer', token: 'tok-123456' },
    onDeprecation: () => {},
    ...extra,
  });

describe('versioned media types, from the spec', () => {
  it('the spec gives 2023-01-01 for the tenant operations and 2024-11-13 for flex', () => {
    expect(operation('downloadClusterBackupTenant').version).toBe('2023-01-01');
    expect(operation('getBackupTenantRestore').version).toBe('2023-01-01');
    expect(operation('downloadFlexBackup').version).toBe('2024-11-13');
    expect(operation('getFlexRestoreJob').version).toBe('2024-11-13');
  });

  it('sends Accept and Content-Type = the operation media type on each of the four calls', async () => {
    server.handle((req, res) =>
      req.path.includes('/flexClusters/')
        ? atlas(res, 200, flexJob, flexMedia)
        : atlas(res, 200, tenantJob, tenantMedia),
    );
    const c = client();
    await c.downloadClusterBackupTenant(
      { groupId: GROUP, clusterName: 'Cluster0' },
      { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' },
    );
    await c.getBackupTenantRestore({ groupId: GROUP, clusterName: 'Cluster0', restoreId: JOB });
    await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    await c.getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: JOB });
    const [tDown, tGet, fDown, fGet] = server.requests;
    expect(tDown).toMatchObject({
      method: 'POST',
      path: `/api/atlas/v2/groups/${GROUP}/clusters/Cluster0/backup/tenant/download`,
    });
    expect(tDown?.headers.accept).toBe('application/vnd.atlas.2023-01-01+json');
    expect(tDown?.headers['content-type']).toBe('application/vnd.atlas.2023-01-01+json');
    expect(JSON.parse(tDown?.body ?? '')).toEqual({ snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' });
    expect(tGet).toMatchObject({
      method: 'GET',
      path: `/api/atlas/v2/groups/${GROUP}/clusters/Cluster0/backup/tenant/restores/${JOB}`,
    });
    expect(tGet?.headers.accept).toBe(operation('getBackupTenantRestore').mediaType);
    expect(tGet?.headers['content-type']).toBeUndefined();
    expect(fDown).toMatchObject({
      method: 'POST',
      path: `/api/atlas/v2/groups/${GROUP}/flexClusters/Cluster0/backup/download`,
    });
    expect(fDown?.headers.accept).toBe('application/vnd.atlas.2024-11-13+json');
    expect(fDown?.headers['content-type']).toBe('application/vnd.atlas.2024-11-13+json');
    expect(fGet).toMatchObject({
      method: 'GET',
      path: `/api/atlas/v2/groups/${GROUP}/flexClusters/Cluster0/backup/restoreJobs/${JOB}`,
    });
    expect(fGet?.headers.accept).toBe(operation('getFlexRestoreJob').mediaType);
    for (const r of server.requests) expect(r.headers.authorization).toBe('Bearer tok-123456');
  });

  it('returns data, status, headers and RateLimit-Limit/Remaining', async () => {
    server.handle((_req, res) =>
      atlas(res, 200, tenantJob, tenantMedia, { 'RateLimit-Limit': '4000', 'RateLimit-Remaining': '3999' }),
    );
    const r = await client().getBackupTenantRestore({ groupId: GROUP, clusterName: 'Cluster0', restoreId: JOB });
    expect(r.data).toEqual(tenantJob);
    expect(r.status).toBe(200);
    expect(r.operationId).toBe('getBackupTenantRestore');
    expect(r.rateLimit).toEqual({ limit: 4000, remaining: 3999 });
    expect(r.headers.get('ratelimit-limit')).toBe('4000');
  });
});

describe('bad input fails before any network call', () => {
  const c = createAtlasClient({
    baseUrl: 'http://127.0.0.1:9',
    auth: { type: 'bearer', token: 'tok-123456' },
    fetch: forbiddenFetch,
  });
  const body = { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' };

  const rejects = async (p: Promise<unknown>, field: string) => {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect((error as AtlasValidationError).field).toBe(field);
    expect((error as AtlasValidationError).message).toContain(field);
    return error as AtlasValidationError;
  };

  it('groupId must match the spec pattern (24 hex digits)', async () => {
    const e = await rejects(
      c.downloadClusterBackupTenant({ groupId: 'not-a-group', clusterName: 'Cluster0' }, body),
      'groupId',
    );
    expect(e.issues[0]).toMatchObject({ location: 'path' });
    expect(e.message).toContain('^([a-f0-9]{24})$');
    await rejects(
      c.getFlexRestoreJob({ groupId: GROUP.toUpperCase(), name: 'Cluster0', restoreJobId: JOB }),
      'groupId',
    );
  });

  it('clusterName / name must match the spec pattern', async () => {
    await rejects(c.downloadClusterBackupTenant({ groupId: GROUP, clusterName: '-bad' }, body), 'clusterName');
    await rejects(
      c.getBackupTenantRestore({ groupId: GROUP, clusterName: 'has space', restoreId: JOB }),
      'clusterName',
    );
    await rejects(c.downloadFlexBackup({ groupId: GROUP, name: 'a/b' }, { snapshotId: SNAPSHOT }), 'name');
  });

  it('restoreId / restoreJobId must match their patterns', async () => {
    await rejects(c.getBackupTenantRestore({ groupId: GROUP, clusterName: 'Cluster0', restoreId: 'x' }), 'restoreId');
    await rejects(c.getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: '../x' }), 'restoreJobId');
  });

  it('required body fields are named', async () => {
    await rejects(
      c.downloadClusterBackupTenant({ groupId: GROUP, clusterName: 'Cluster0' }, { snapshotId: SNAPSHOT } as never),
      'targetDeploymentItemName',
    );
    await rejects(c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, {} as never), 'snapshotId');
    await rejects(c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, undefined as never), 'body');
  });

  it('body field patterns come from the schema (Unicode property escapes included)', async () => {
    await rejects(
      c.downloadClusterBackupTenant({ groupId: GROUP, clusterName: 'Cluster0' }, { ...body, snapshotId: 'nope' }),
      'snapshotId',
    );
    await rejects(
      c.downloadClusterBackupTenant(
        { groupId: GROUP, clusterName: 'Cluster0' },
        { ...body, targetDeploymentItemName: 'no/slash' },
      ),
      'targetDeploymentItemName',
    );
  });

  it('a valid Unicode targetDeploymentItemName passes validation (and reaches fetch)', async () => {
    await expect(
      c.downloadClusterBackupTenant(
        { groupId: GROUP, clusterName: 'Cluster0' },
        { ...body, targetDeploymentItemName: 'Clúster_数据-1' },
      ),
    ).rejects.toBeInstanceOf(AtlasNetworkError);
  });

  it('lists every issue, not only the first', async () => {
    const e = await rejects(c.downloadClusterBackupTenant({ groupId: 'x', clusterName: '-' }, {} as never), 'groupId');
    expect(e.issues.map((i) => i.field).sort()).toEqual([
      'clusterName',
      'groupId',
      'snapshotId',
      'targetDeploymentItemName',
    ]);
  });
});

describe('non-2xx answers become AtlasApiError', () => {
  it('carries status, errorCode, detail, reason, parameters and badRequestDetail.fields', async () => {
    server.handle((_req, res) =>
      json(res, 400, {
        error: 400,
        errorCode: 'INVALID_ATTRIBUTE',
        detail: 'Invalid attribute snapshotId specified.',
        reason: 'Bad Request',
        parameters: ['snapshotId'],
        badRequestDetail: { fields: [{ field: 'snapshotId', description: 'unknown snapshot' }] },
      }),
    );
    const e = await client()
      .downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasApiError);
    expect(e).toMatchObject({
      code: 'API_ERROR',
      operationId: 'downloadFlexBackup',
      status: 400,
      errorCode: 'INVALID_ATTRIBUTE',
      detail: 'Invalid attribute snapshotId specified.',
      reason: 'Bad Request',
      parameters: ['snapshotId'],
      badRequestDetail: { fields: [{ field: 'snapshotId', description: 'unknown snapshot' }] },
      fields: [{ field: 'snapshotId', description: 'unknown snapshot' }],
    });
    expect((e as Error).message).toBe(
      'downloadFlexBackup failed: HTTP 400 INVALID_ATTRIBUTE — Invalid attribute snapshotId specified. (snapshotId: unknown snapshot)',
    );
  });

  it('reports an HTML 502 from a proxy instead of crashing on it', async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const e = (await client()
      .getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: JOB })
      .catch((x: unknown) => x)) as AtlasApiError;
    expect(e).toBeInstanceOf(AtlasApiError);
    expect(e.status).toBe(502);
    expect(e.errorCode).toBeUndefined();
    expect(e.bodyText).toContain('502 Bad Gateway');
    expect(e.message).toBe('getFlexRestoreJob failed: HTTP 502 — the server answered with a non-JSON body');
  });

  it('reports a 200 whose body is not JSON', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>login page</html>');
    });
    const e = (await client()
      .getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: JOB })
      .catch((x: unknown) => x)) as AtlasApiError;
    expect(e).toBeInstanceOf(AtlasApiError);
    expect(e.message).toContain('the 200 answer is not JSON');
  });

  it('410 VERSION_GONE → EndpointSunsetError carrying the migration notice', async () => {
    server.handle((_req, res) =>
      json(res, 410, {
        error: 410,
        errorCode: 'VERSION_GONE',
        reason: 'Gone',
        detail: 'This happens when a resource is marked for sunset and the sunset date is in the past.',
      }),
    );
    const e = (await client()
      .downloadClusterBackupTenant(
        { groupId: GROUP, clusterName: 'Cluster0' },
        { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' },
      )
      .catch((x: unknown) => x)) as EndpointSunsetError;
    expect(e).toBeInstanceOf(EndpointSunsetError);
    expect(e).toBeInstanceOf(AtlasApiError);
    expect(e.code).toBe('ENDPOINT_SUNSET');
    expect(e.status).toBe(410);
    expect(e.errorCode).toBe('VERSION_GONE');
    expect(e.sunset).toBe(operation('downloadClusterBackupTenant').lifecycle.sunset);
    expect(e.replacement).toMatchObject({
      operationId: 'downloadFlexBackup',
      method: 'POST',
      path: operation('downloadFlexBackup').path,
    });
    expect(e.notice).toContain('downloadFlexBackup');
    expect(e.message).toContain('use downloadFlexBackup');
  });

  it('a refused connection → AtlasNetworkError with a clear message', async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    const c = createAtlasClient({ baseUrl: url, auth: { type: 'bearer', token: 'tok-123456' } });
    const e = (await c
      .getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: JOB })
      .catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(AtlasNetworkError);
    expect(e.message).toMatch(
      /^getFlexRestoreJob: request to http:\/\/127\.0\.0\.1:\d+ failed: fetch failed.*ECONNREFUSED/,
    );
  });

  it('timeoutMs → AtlasTimeoutError; an abort → the signal reason', async () => {
    server.handle(() => {
      /* never answers */
    });
    const e = await client({ timeoutMs: 100 })
      .getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: JOB })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasTimeoutError);
    expect((e as Error).message).toBe('getFlexRestoreJob did not finish within 100 ms');
    const controller = new AbortController();
    const pending = client().getFlexRestoreJob(
      { groupId: GROUP, name: 'Cluster0', restoreJobId: JOB },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('envelope', () => {
  it('adds envelope=true and unwraps {status, content}: same result either way', async () => {
    server.handle((req, res) =>
      req.query.get('envelope') === 'true'
        ? atlas(res, 200, { status: 200, content: tenantJob }, tenantMedia, { 'RateLimit-Remaining': '7' })
        : atlas(res, 200, tenantJob, tenantMedia, { 'RateLimit-Remaining': '7' }),
    );
    const c = client();
    const args = [{ groupId: GROUP, clusterName: 'Cluster0', restoreId: JOB }] as const;
    const plain = await c.getBackupTenantRestore(...args);
    const wrapped = await c.getBackupTenantRestore(...args, { envelope: true });
    expect(server.requests[0]?.query.has('envelope')).toBe(false);
    expect(server.requests[1]?.query.get('envelope')).toBe('true');
    expect(wrapped.data).toEqual(plain.data);
    expect(wrapped.status).toBe(plain.status);
    expect(wrapped.rateLimit).toEqual(plain.rateLimit);
  });

  it('client-wide envelope, flex operations too, and an error inside an envelope', async () => {
    server.handle((req, res) =>
      req.method === 'POST'
        ? json(res, 200, { status: 200, content: flexJob })
        : json(res, 200, {
            status: 404,
            content: { error: 404, errorCode: 'RESTORE_JOB_NOT_FOUND', reason: 'Not Found' },
          }),
    );
    const c = client({ envelope: true });
    const r = await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    expect(r.data).toEqual(flexJob);
    expect(server.requests[0]?.query.get('envelope')).toBe('true');
    await expect(c.getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: JOB })).rejects.toMatchObject({
      status: 404,
      errorCode: 'RESTORE_JOB_NOT_FOUND',
    });
  });
});

describe('client.raw', () => {
  it('middleware added through raw.use sees the typed calls too, and no longer once ejected', async () => {
    server.handle((_req, res) => atlas(res, 200, flexJob, flexMedia));
    const c = client({ envelope: false });
    const seen: string[] = [];
    const trace = {
      onRequest({ request }: { request: Request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('authorization')}`);
        request.headers.set('X-Trace', 'trace-1');
        return request;
      },
    };
    const sent = JSON.stringify({ snapshotId: SNAPSHOT });
    c.raw.use(trace);
    const r = await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    expect(r.data).toEqual(flexJob);
    expect(seen).toEqual([
      `POST ${operation('downloadFlexBackup').path.replace('{groupId}', GROUP).replace('{name}', 'Cluster0')} Bearer tok-123456`,
    ]);
    expect(server.requests[0]?.headers['x-trace']).toBe('trace-1');
    expect(server.requests[0]?.headers.accept).toBe(flexMedia);
    expect(server.requests[0]?.body).toBe(sent);
    c.raw.eject(trace);
    await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    expect(seen).toHaveLength(1);
    expect(server.requests[1]?.headers['x-trace']).toBeUndefined();
    expect(server.requests[1]?.headers.authorization).toBe('Bearer tok-123456');
    expect(server.requests[1]?.body).toBe(sent);
  });

  it('a typed call whose Request a raw.use middleware replaces still goes out with its body', async () => {
    server.handle((_req, res) => atlas(res, 200, flexJob, flexMedia));
    const c = client({ envelope: false });
    c.raw.use({
      onRequest: ({ request }) =>
        new Request(request, { headers: { ...Object.fromEntries(request.headers), 'X-Extra': '1' } }),
    });
    await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    expect(server.requests[0]?.headers['x-extra']).toBe('1');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer tok-123456');
    expect(server.requests[0]?.body).toBe(JSON.stringify({ snapshotId: SNAPSHOT }));
  });

  it('a body a raw.use middleware gives the Request of a typed call is the one sent', async () => {
    server.handle((_req, res) => atlas(res, 200, flexJob, flexMedia));
    const c = client({ envelope: false });
    const replaced = JSON.stringify({ snapshotId: '6561d0b5c8ff4d3a1f2e9a08' });
    c.raw.use({ onRequest: ({ request }) => new Request(request, { body: replaced }) });
    await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
    expect(server.requests[0]?.body).toBe(replaced);
  });
});

describe('the Request the middleware sees', () => {
  it('is no Request at all while only the client middleware runs (fetch builds the one sent)', async () => {
    server.handle((_req, res) => atlas(res, 200, flexJob, flexMedia));
    // Counted from before the client exists: openapi-fetch takes globalThis.Request when created.
    const Real = globalThis.Request;
    let built = 0;
    globalThis.Request = class extends Real {
      constructor(...args: ConstructorParameters<typeof Request>) {
        super(...args);
        built++;
      }
    };
    try {
      const c = client({ envelope: false });
      const r = await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
      expect(r.data).toEqual(flexJob);
      expect(built).toBe(0);
      // A user's middleware gets a real one, whole (so the count above can fail).
      let seen: unknown;
      c.raw.use({
        onRequest({ request }) {
          seen = request.clone();
          return undefined;
        },
      });
      await c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });
      expect(seen).toBeInstanceOf(Real);
      expect(built).toBeGreaterThan(0);
      expect(server.requests.map((q) => [q.headers.authorization, q.headers.accept, q.body])).toEqual([
        ['Bearer tok-123456', flexMedia, JSON.stringify({ snapshotId: SNAPSHOT })],
        ['Bearer tok-123456', flexMedia, JSON.stringify({ snapshotId: SNAPSHOT })],
      ]);
    } finally {
      globalThis.Request = Real;
    }
  });
});

describe('client options', () => {
  it('rejects a bad baseUrl, a missing auth and credentials in the URL with clear messages', () => {
    expect(() => createAtlasClient({ baseUrl: 'not a url', auth: { type: 'none' } })).toThrow(
      'createAtlasClient: baseUrl "not a url" is not an absolute URL',
    );
    expect(() => createAtlasClient({} as never)).toThrow(/options\.auth is required/);
    expect(() => createAtlasClient({ baseUrl: 'https://u:p@example.org', auth: { type: 'none' } })).toThrow(
      /must not carry credentials/,
    );
    expect(() => createAtlasClient({ auth: { type: 'magic' } as never })).toThrow(/unknown auth\.type "magic"/);
  });

  it('a missing, malformed or unknown auth gets a message that says what is expected', () => {
    const expected = "expected 'serviceAccount', 'bearer', 'digest' or 'none'";
    expect(() => createAtlasClient({ auth: undefined } as never)).toThrow(
      new TypeError(
        "createAtlasClient: options.auth is required, e.g. { type: 'serviceAccount', clientId, clientSecret }",
      ),
    );
    expect(() => createAtlasClient({ auth: 'my-token' } as never)).toThrow(
      new TypeError(
        "createAtlasClient: options.auth must be an object such as { type: 'serviceAccount', clientId, clientSecret }, got string",
      ),
    );
    expect(() => createAtlasClient({ auth: { token: 'my-token' } } as never)).toThrow(
      new TypeError(`createAtlasClient: auth.type is required; ${expected}`),
    );
    expect(() => createAtlasClient({ auth: { type: 'apiKey' } } as never)).toThrow(
      new TypeError(`createAtlasClient: unknown auth.type "apiKey"; ${expected}`),
    );
  });

  it.each([
    ['onDeprecation', { onDeprecation: 'warn' }, 'createAtlasClient: onDeprecation must be a function, got a string'],
    ['debug', { debug: true }, 'createAtlasClient: debug must be a function, got boolean'],
    ['now', { now: new Date(0) }, 'createAtlasClient: now must be a function, got object'],
    ['retry.onRetry', { retry: { onRetry: {} } }, 'createAtlasClient: retry.onRetry must be a function, got object'],
    ['retry', { retry: 3 }, 'createAtlasClient: retry must be an object'],
  ])('a %s that is not what it should be → TypeError when the client is made', (_name, extra, message) => {
    expect(() => createAtlasClient({ auth: { type: 'none' }, ...(extra as object) })).toThrow(TypeError);
    expect(() => createAtlasClient({ auth: { type: 'none' }, ...(extra as object) })).toThrow(message);
  });

  it('a per-call retry.onRetry that is not a function → TypeError naming the operation, before any request', async () => {
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, fetch: forbiddenFetch });
    await expect(
      c.downloadFlexBackup(
        { groupId: GROUP, name: 'Cluster0' },
        { snapshotId: SNAPSHOT },
        { retry: { onRetry: 'log' as never } },
      ),
    ).rejects.toThrow(new TypeError('downloadFlexBackup: retry.onRetry must be a function, got string'));
  });

  it('defaults baseUrl to https://cloud.mongodb.com', () => {
    expect(createAtlasClient({ auth: { type: 'none' } }).baseUrl).toBe('https://cloud.mongodb.com');
  });
});
