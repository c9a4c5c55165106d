// The parts that are loaded with import() when first needed (src/lazy.ts): in a fresh process each
// still does its job the first time (Digest signs, a 429 is retried, a deprecation is reported and
// the sunset error carries the notice), and a bearer client's first call loads none of them. Then,
// in this process, what happens when such a part cannot be loaded (a chunk a browser failed to fetch).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { operation } from '@atlas-kit/openapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtlasClient } from '../src/index.ts';
import { atlas, GROUP, JOB, json, SNAPSHOT, useTestServer } from './helpers/server.ts';

const NOW = new Date('2025-12-01T12:00:00Z');

describe('lazily loaded parts, the first time they are needed (fresh process)', () => {
  const child = spawnSync(
    process.execPath,
    ['--conditions=@atlas-kit/source', resolve(import.meta.dirname, 'helpers/lazy-parts-child.ts')],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const seen = () => {
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    return JSON.parse(child.stdout) as Record<string, Record<string, unknown>>;
  };

  it('a bearer client makes its first call without loading any of them', () => {
    expect(seen().firstCall).toEqual({ status: 'COMPLETED', deprecation: null, loaded: [] });
  });

  it('Digest: the middleware is loaded for a digest client and answers the challenge (node:crypto, no @noble/hashes)', () => {
    expect(seen().digest).toEqual({ status: 200, data: 'COMPLETED', loaded: ['digest'] });
  });

  it('a first 429 loads the retry loop and is retried', () => {
    expect(seen().retry).toEqual({ status: 200, retries: [1], loaded: ['digest', 'retryLoop'] });
  });

  it('deprecation headers are read and reported with the migration notice', () => {
    expect(seen().deprecation).toEqual({
      successor: expect.stringContaining('downloadFlexBackup'),
      events: ['getBackupTenantRestore'],
      noticeIsTheMigrationNotice: true,
    });
  });

  it('the sunset error carries the migration notice and the replacement', () => {
    expect(seen().sunset).toEqual({
      isSunsetError: true,
      noticeIsTheMigrationNotice: true,
      replacement: 'downloadFlexBackup',
    });
  });
});

describe('a part that cannot be loaded', () => {
  const server = useTestServer();
  const tenantMedia = operation('downloadClusterBackupTenant').mediaType;
  const tenantBody = { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' };
  const tenantPath = { groupId: GROUP, clusterName: 'Cluster0' };

  const parts = [
    '../src/deprecation-report.ts',
    '../src/retry-loop.ts',
    '../src/auth/digest.ts',
    '../src/redirect-hops.ts',
  ] as const;
  afterEach(() => {
    for (const part of parts) vi.doUnmock(part);
    vi.resetModules();
  });

  /** The client from a fresh module graph in which `path` fails to load. */
  async function clientWithout(path: (typeof parts)[number]) {
    vi.resetModules();
    vi.doMock(path, () => {
      throw new Error('chunk could not be fetched');
    });
    return import('../src/index.ts');
  }

  /** What one Flex restore-job poll of `client` ends with: its result, or what it threw. */
  const pollOutcome = (client: AtlasClient) =>
    client.getFlexRestoreJob({ groupId: GROUP, name: 'Cluster0', restoreJobId: JOB }).catch((x: unknown) => x);

  it('deprecation headers unread: the call still succeeds, the signal says why, the report waits', async () => {
    const { buildDeprecationHeaders } = await import('@atlas-kit/migration-notice');
    server.handle((_req, res) =>
      atlas(res, 200, { id: JOB, status: 'PENDING' }, tenantMedia, buildDeprecationHeaders()),
    );
    const { createAtlasClient } = await clientWithout('../src/deprecation-report.ts');
    const events: unknown[] = [];
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, onDeprecation: (e) => events.push(e) });
    const r = await c.downloadClusterBackupTenant(tenantPath, tenantBody);
    expect(r.data.status).toBe('PENDING');
    expect(r.deprecation).toEqual({
      problems: [expect.stringMatching(/^deprecation headers not read: the header parser did not load \(.+\)$/)],
    });
    expect(events).toEqual([]);
  });

  it('410: still an EndpointSunsetError, with a notice from the spec facts', async () => {
    server.handle((_req, res) => json(res, 410, { error: 410, errorCode: 'VERSION_GONE', reason: 'Gone' }));
    const { createAtlasClient, EndpointSunsetError } = await clientWithout('../src/deprecation-report.ts');
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, now: () => NOW });
    const e = await c.downloadClusterBackupTenant(tenantPath, tenantBody).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EndpointSunsetError);
    const sunset = operation('downloadClusterBackupTenant').lifecycle.sunset;
    expect((e as InstanceType<typeof EndpointSunsetError>).notice).toBe(
      `Atlas API: downloadClusterBackupTenant (POST ${operation('downloadClusterBackupTenant').path}) is deprecated, sunset ${sunset} (the full notice could not be loaded).`,
    );
  });

  it('429 without its retry loop: the 429 is reported after one attempt', async () => {
    server.handle((_req, res) => json(res, 429, { error: 429, errorCode: 'RATE_LIMITED' }, { 'Retry-After': '0' }));
    const { createAtlasClient, AtlasRateLimitError } = await clientWithout('../src/retry-loop.ts');
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' } });
    const e = await pollOutcome(c);
    expect(e).toBeInstanceOf(AtlasRateLimitError);
    expect(e).toMatchObject({ attempts: 1, status: 429 });
    expect(server.requests).toHaveLength(1);
  });

  it('Digest without its middleware: the request fails as NETWORK, nothing is sent unsigned', async () => {
    server.handle((_req, res) => json(res, 200, { id: JOB, status: 'COMPLETED' }));
    const { createAtlasClient, AtlasNetworkError } = await clientWithout('../src/auth/digest.ts');
    const c = createAtlasClient({
      baseUrl: server.url,
      auth: { type: 'digest', publicKey: 'pub', privateKey: 'priv-0123' },
    });
    const e = await pollOutcome(c);
    expect(e).toBeInstanceOf(AtlasNetworkError);
    expect(server.requests).toHaveLength(0);
  });

  it('a redirect whose checks cannot be loaded is refused, not followed', async () => {
    server.handle((req, res) => {
      if (req.path.startsWith('/moved')) return json(res, 200, { id: JOB, status: 'COMPLETED' });
      res.writeHead(307, { Location: `/moved${req.url}` });
      res.end();
    });
    const { createAtlasClient, AtlasNetworkError } = await clientWithout('../src/redirect-hops.ts');
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' } });
    const e = await pollOutcome(c);
    expect(e).toBeInstanceOf(AtlasNetworkError);
    expect((e as Error).message).toMatch(/was refused: its checks did not load$/);
    expect(server.requests).toHaveLength(1);
  });
});
