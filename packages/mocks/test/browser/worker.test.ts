// The handlers in real Chromium, through msw's service worker: the same .ts sources, imported by vite.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAtlasHandlers, setupAtlasWorker } from '../../src/browser.ts';
import { example, judge, mediaTypes, read, requestFor } from '../support.ts';

const now = new Date('2025-12-01T12:00:00Z');
const { worker, atlas } = setupAtlasWorker({ clock: () => now });
let unhandled = 0;

beforeAll(async () => {
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    quiet: true,
    onUnhandledFrame: () => {
      unhandled++;
    },
  });
});
afterEach(() => atlas.reset());
afterAll(async () => {
  await worker.stop();
});

describe('Atlas handlers in Chromium via the service worker', () => {
  it('is really a service worker that answers', () => {
    expect(navigator.serviceWorker.controller?.scriptURL).toMatch(/\/mockServiceWorker\.js$/);
  });

  it('runs the tenant restore flow to COMPLETED, every answer faithful to the spec', async () => {
    const download = await read(await fetch(requestFor('downloadClusterBackupTenant')));
    expect(download.status).toBe(200);
    expect(download.body.status).toBe('PENDING');
    expect(download.headers.get('content-type')).toBe(mediaTypes.downloadClusterBackupTenant);
    expect(download.headers.get('deprecation')).toBeTruthy();
    expect(judge('downloadClusterBackupTenant', download)).toEqual([]);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const poll = await read(await fetch(requestFor('getBackupTenantRestore')));
      expect(judge('getBackupTenantRestore', poll)).toEqual([]);
      seen.push(poll.body.status);
      if (poll.body.status === 'COMPLETED') expect(poll.body.snapshotUrl).toContain(example.jobId);
    }
    expect(seen).toEqual(['QUEUED', 'RUNNING', 'COMPLETED']);
  });

  it('runs the flex flow to FAILED when the scenario says so', async () => {
    atlas.setScenario({ restoreOutcome: 'FAILED' });
    const download = await read(await fetch(requestFor('downloadFlexBackup')));
    expect(judge('downloadFlexBackup', download)).toEqual([]);
    let last = download;
    for (let i = 0; i < 3; i++) last = await read(await fetch(requestFor('getFlexRestoreJob')));
    expect(last.body.status).toBe('FAILED');
    expect(judge('getFlexRestoreJob', last)).toEqual([]);
  });

  it('answers validation, version, auth and scenario errors as documented', async () => {
    const bad = await read(await fetch(requestFor('downloadClusterBackupTenant', { body: '{"snapshotId": 1' })));
    expect(bad.status).toBe(400);
    expect(bad.body.badRequestDetail.fields[0].field).toBe('requestBody');
    expect(judge('downloadClusterBackupTenant', bad)).toEqual([]);
    const version = await read(
      await fetch(
        requestFor('getBackupTenantRestore', { headers: { accept: 'application/vnd.atlas.2023-10-01+json' } }),
      ),
    );
    expect(version.status).toBe(406);
    expect(judge('getBackupTenantRestore', version)).toEqual([]);
    const anonymous = await read(
      await fetch(requestFor('downloadFlexBackup', { headers: { authorization: undefined } })),
    );
    expect(anonymous.status).toBe(401);
    expect(judge('downloadFlexBackup', anonymous)).toEqual([]);
    atlas.setScenario({ downloadClusterBackupTenant: { status: 404, errorCode: 'CLUSTER_NOT_FOUND' } });
    const missing = await read(await fetch(requestFor('downloadClusterBackupTenant')));
    expect(missing.body.errorCode).toBe('CLUSTER_NOT_FOUND');
    expect(judge('downloadClusterBackupTenant', missing)).toEqual([]);
  });

  it('honours envelope and pretty', async () => {
    const answer = await read(await fetch(requestFor('downloadFlexBackup', { query: 'envelope=true&pretty=true' })));
    expect(answer.body.status).toBe(200);
    expect(answer.text).toContain('\n  "content": {');
    expect(judge('downloadFlexBackup', answer, { envelope: true })).toEqual([]);
  });

  it('serves a same-origin frontend when baseUrl is location.origin', async () => {
    worker.use(...createAtlasHandlers({ baseUrl: location.origin, clock: () => now }).handlers);
    const answer = await read(await fetch(requestFor('downloadFlexBackup', { base: location.origin })));
    expect(answer.status).toBe(200);
    expect(judge('downloadFlexBackup', answer)).toEqual([]);
    worker.resetHandlers();
    expect(unhandled).toBe(0);
  });
});
