// msw/node interception with setupAtlasServer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupAtlasServer } from '../src/node.ts';
import { judge, read, requestFor } from './support.ts';

const { server, atlas } = setupAtlasServer({ clock: () => new Date('2025-12-01T12:00:00Z') });

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => atlas.reset());
afterAll(() => server.close());

describe('setupAtlasServer', () => {
  it('intercepts fetch and runs the flow', async () => {
    const started = await read(await fetch(requestFor('downloadClusterBackupTenant')));
    expect(started.status).toBe(200);
    expect(judge('downloadClusterBackupTenant', started)).toEqual([]);
    const polled = await read(await fetch(requestFor('getBackupTenantRestore')));
    expect(polled.body.status).toBe('QUEUED');
  });

  it('switches scenario at run time', async () => {
    atlas.setScenario({ getFlexRestoreJob: { status: 403 } });
    const answer = await read(await fetch(requestFor('getFlexRestoreJob')));
    expect(answer.status).toBe(403);
    expect(judge('getFlexRestoreJob', answer)).toEqual([]);
  });

  it('leaves other origins to onUnhandledFrame (here: error)', async () => {
    await expect(fetch('https://elsewhere.example/x')).rejects.toThrow();
  });
});
