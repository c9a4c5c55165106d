// The real node:http server (what the Pact verifier talks to): same handlers through getResponse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtlasHttpServer, startAtlasHttpServer } from '../src/node.ts';
import { example, judge, judgeApiError, read, requestFor } from './support.ts';

let srv: AtlasHttpServer;
beforeAll(async () => {
  srv = await startAtlasHttpServer({ clock: () => new Date('2025-12-01T12:00:00Z') });
});
afterAll(async () => {
  await srv.close();
});

const path = (req: Request) => {
  const u = new URL(req.url);
  return u.pathname + u.search;
};
const over = (req: Request, init: RequestInit = {}) =>
  fetch(`${srv.url}${path(req)}`, {
    method: req.method,
    headers: req.headers,
    ...(req.body ? { body: req.body, duplex: 'half' } : {}),
    ...init,
  } as RequestInit);

describe('startAtlasHttpServer', () => {
  it('listens on 127.0.0.1 with a free port', () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs the tenant flow over real HTTP, answers faithful to the spec', async () => {
    srv.atlas.reset();
    const started = await read(await over(requestFor('downloadClusterBackupTenant')));
    expect(started.status).toBe(200);
    expect(judge('downloadClusterBackupTenant', started)).toEqual([]);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const poll = await read(await over(requestFor('getBackupTenantRestore')));
      expect(judge('getBackupTenantRestore', poll)).toEqual([]);
      statuses.push(poll.body.status);
    }
    expect(statuses).toEqual(['QUEUED', 'RUNNING', 'COMPLETED']);
  });

  it('takes scenario changes at run time (Pact provider states)', async () => {
    srv.atlas.setScenario({ downloadClusterBackupTenant: { status: 409 } });
    const answer = await read(await over(requestFor('downloadClusterBackupTenant')));
    expect(answer.status).toBe(409);
    expect(answer.body.errorCode).toBe('CANNOT_DOWNLOAD_INCOMPLETE_SNAPSHOT');
    srv.atlas.reset();
    expect((await over(requestFor('downloadClusterBackupTenant'))).status).toBe(200);
  });

  it('answers a seeded job (poll-only interaction)', async () => {
    srv.atlas.reset();
    srv.atlas.seedRestoreJob({ api: 'flex', status: 'COMPLETED' });
    const answer = await read(await over(requestFor('getFlexRestoreJob')));
    expect(answer.body.status).toBe('COMPLETED');
    expect(answer.body.id).toBe(example.jobId);
  });

  it('validates a body and answers 400, and 404 for other paths', async () => {
    const long = JSON.stringify({ ...example.tenantBody, targetDeploymentItemName: 'x'.repeat(100_000) });
    const answer = await read(await over(requestFor('downloadClusterBackupTenant', { body: long })));
    expect(answer.status).toBe(400);
    expect(answer.body.badRequestDetail.fields[0].field).toBe('targetDeploymentItemName');
    const unknown = await read(await fetch(`${srv.url}/not/atlas`));
    expect(unknown.status).toBe(404);
    expect(judgeApiError(unknown)).toEqual([]);
  });

  it('answers concurrent requests', async () => {
    srv.atlas.reset();
    const answers = await Promise.all(Array.from({ length: 20 }, () => over(requestFor('downloadFlexBackup'))));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(srv.atlas.listRestoreJobs().map((j) => j.id)).size).toBe(20);
  });

  it('fails clearly when the port is taken', async () => {
    const port = Number(new URL(srv.url).port);
    await expect(startAtlasHttpServer({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});
