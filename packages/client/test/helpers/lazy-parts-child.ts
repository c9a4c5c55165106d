// Run by test/lazy-parts.test.ts in a fresh Node process (nothing of the client loaded before):
// records which modules get loaded, makes the calls that need each lazily loaded part for the
// first time against a node:http server on 127.0.0.1, and prints what it saw as one JSON line.
import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { registerHooks } from 'node:module';
import type { AddressInfo } from 'node:net';

const loaded: string[] = [];
registerHooks({
  load(url, context, next) {
    loaded.push(url);
    return next(url, context);
  },
});
const { createAtlasClient, EndpointSunsetError } = await import('../../src/index.ts');
const { operations } = await import('@atlas-kit/openapi');

const GROUP = '5e2211c17a3e5a48f5497de3';
const JOB = '6561d2f4c8ff4d3a1f2eab12';
const SNAPSHOT = '6561d0b5c8ff4d3a1f2e9a07';
const NOW = new Date('2025-12-01T12:00:00Z');
const flexMedia = operations.getFlexRestoreJob.mediaType;
const tenantMedia = operations.downloadClusterBackupTenant.mediaType;
const PRIVATE = 'digest-private-key-0123';
const NONCE = 'bm9uY2Utb25l';

let rateLimited = 0;
// The headers of a deprecated answer (step 4), built once migration-notice is imported there.
let deprecationHeaders: Record<string, string> = {};
const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': status < 300 ? flexMedia : 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
// Digest checked independently of the client's code, with node:crypto (RFC 7616 §3.4.1).
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const signedRight = (header: string, method: string, url: string) => {
  const p = Object.fromEntries([...header.matchAll(/(\w+)="?([^",]*)"?/g)].map((m) => [m[1], m[2]]));
  const ha1 = sha(`${p.username}:${p.realm}:${PRIVATE}`);
  const ha2 = sha(`${method}:${p.uri}`);
  return p.uri === url && p.response === sha(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
};
const server = createServer((req, res) => {
  const url = req.url ?? '';
  const scenario = req.headers['x-scenario'];
  if (scenario === 'digest') {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Digest ') && signedRight(auth, req.method ?? '', url)) {
      return send(res, 200, { id: JOB, status: 'COMPLETED' });
    }
    return send(
      res,
      401,
      { error: 401, errorCode: 'UNAUTHORIZED' },
      {
        'WWW-Authenticate': `Digest realm="MMS Public API", nonce="${NONCE}", algorithm=SHA-256, qop="auth"`,
      },
    );
  }
  if (scenario === '429' && rateLimited++ === 0) {
    return send(res, 429, { error: 429, errorCode: 'RATE_LIMITED' }, { 'Retry-After': '0' });
  }
  if (url.includes('/backup/tenant/download')) {
    return send(res, 410, { error: 410, errorCode: 'VERSION_GONE', reason: 'Gone' });
  }
  if (url.includes('/backup/tenant/restores/')) {
    res.writeHead(200, { 'Content-Type': tenantMedia, ...deprecationHeaders });
    return res.end(JSON.stringify({ id: JOB, clusterName: 'Cluster0', status: 'COMPLETED' }));
  }
  return send(res, 200, { id: JOB, status: 'COMPLETED' });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const lazyParts = {
  digest: /\/src\/auth\/digest\.ts$/,
  // Node hashes with node:crypto (src/auth/digest-hash.node.ts): never with @noble/hashes.
  nobleHashes: /\/@noble\/hashes\//,
  retryLoop: /\/src\/retry-loop\.ts$|\/p-retry\//,
  deprecationReport: /\/src\/deprecation-report\.ts$|\/http-link-header\/|\/migration-notice\/src\/render\.ts$/,
  snapshotWorkflows: /\/src\/(snapshot-download|latest-snapshot)\.ts$/,
  redirectHops: /\/src\/redirect-hops\.ts$/,
};
const loadedParts = () =>
  Object.entries(lazyParts)
    .filter(([, re]) => loaded.some((url) => re.test(url)))
    .map(([name]) => name);

const flexPath = { groupId: GROUP, name: 'Cluster0', restoreJobId: JOB };
const out: Record<string, unknown> = {};
const events: Array<{ operationId: string; notice: string }> = [];
const client = (auth: Parameters<typeof createAtlasClient>[0]['auth'], scenario?: string) =>
  createAtlasClient({
    baseUrl,
    auth,
    now: () => NOW,
    onDeprecation: (e) => events.push(e),
    ...(scenario ? { fetch: (input, init) => fetch(input, withScenario(init, scenario)) } : {}),
  });
const withScenario = (init: RequestInit | undefined, scenario: string): RequestInit => {
  const headers = new Headers(init?.headers);
  headers.set('x-scenario', scenario);
  return { ...init, headers };
};

// 1. A bearer client's first call of a live operation.
const first = await client({ type: 'bearer', token: 'bearer-token-0123' }).getFlexRestoreJob(flexPath);
out.firstCall = { status: first.data.status, deprecation: first.deprecation, loaded: loadedParts() };

// 2. Digest: the challenge is answered with the keys, the first time the middleware is needed.
const digest = await client({ type: 'digest', publicKey: 'public-key', privateKey: PRIVATE }, 'digest')
  .getFlexRestoreJob(flexPath)
  .then((r) => ({ status: r.status, data: r.data.status }));
out.digest = { ...digest, loaded: loadedParts() };

// 3. A first 429 is retried.
const retries: number[] = [];
const retried = await createAtlasClient({
  baseUrl,
  auth: { type: 'none' },
  retry: { onRetry: (e) => retries.push(e.attempt) },
  fetch: (input, init) => fetch(input, withScenario(init, '429')),
}).getFlexRestoreJob(flexPath);
out.retry = { status: retried.status, retries, loaded: loadedParts() };

// 4. A deprecated answer: its headers read, the event reported with the migration notice. (From
// here on migration-notice's main entry is loaded by this script too, to build and compare.)
const { buildDeprecationHeaders, renderNotice } = await import('@atlas-kit/migration-notice');
deprecationHeaders = buildDeprecationHeaders();
const tenant = await client({ type: 'none' }).getBackupTenantRestore({
  groupId: GROUP,
  clusterName: 'Cluster0',
  restoreId: JOB,
});
out.deprecation = {
  successor: tenant.deprecation?.successor,
  events: events.map((e) => e.operationId),
  noticeIsTheMigrationNotice: events[0]?.notice === renderNotice({ format: 'text', now: NOW }),
};

// 5. 410 VERSION_GONE: the sunset error carries the migration notice.
const gone = await client({ type: 'none' })
  .downloadClusterBackupTenant(
    { groupId: GROUP, clusterName: 'Cluster0' },
    { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' },
  )
  .catch((e: unknown) => e);
out.sunset = {
  isSunsetError: gone instanceof EndpointSunsetError,
  noticeIsTheMigrationNotice: (gone as { notice?: string }).notice === renderNotice({ format: 'text', now: NOW }),
  replacement: (gone as { replacement?: { operationId: string } }).replacement?.operationId,
};

server.close();
console.log(JSON.stringify(out));
