// The stateful restore-job flow: PENDING on download, then one phase per poll, deterministic ids,
// COMPLETED with a download link (or FAILED), bodies valid against TenantRestore / FlexBackupRestoreJob.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { type AtlasOperationId, example, judge, origin, read, requestFor } from './support.ts';

const flows = [
  ['tenant', 'downloadClusterBackupTenant', 'getBackupTenantRestore', 'clusterName'],
  ['flex', 'downloadFlexBackup', 'getFlexRestoreJob', 'instanceName'],
] as const;

let minute = 0;
const t0 = Date.parse('2025-12-01T12:00:00Z');
const ticking = () => new Date(t0 + minute++ * 60_000);

describe.each(flows)('%s flow', (api, download, poll, clusterField) => {
  const pollPath = (id: string) => requestFor(poll).url.replace(`/${example.jobId}`, `/${id}`).replace(origin, '');

  async function run(outcome?: 'COMPLETED' | 'FAILED') {
    minute = 0;
    const { handlers, atlas } = createAtlasHandlers({
      clock: ticking,
      ...(outcome ? { scenario: { restoreOutcome: outcome } } : {}),
    });
    const call = async (id: AtlasOperationId, req: Request) => {
      const answer = await read(await getResponse(handlers, req));
      expect(judge(id, answer)).toEqual([]);
      return answer;
    };
    const started = await call(download, requestFor(download));
    const polls = [];
    for (let i = 0; i < 4; i++) polls.push(await call(poll, requestFor(poll, { path: pollPath(started.body.id) })));
    return { started, polls, atlas, call };
  }

  it('goes PENDING → QUEUED → RUNNING → COMPLETED and stays there', async () => {
    const { started, polls } = await run();
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('PENDING');
    expect(started.body.id).toBe(example.jobId);
    expect(started.body[clusterField]).toBe(example.clusterName);
    expect(polls.map((p) => p.body.status)).toEqual(['QUEUED', 'RUNNING', 'COMPLETED', 'COMPLETED']);
    const done = polls[2]?.body;
    expect(done.snapshotUrl).toMatch(new RegExp(`/${started.body.id}/`));
    expect(Date.parse(done.expirationDate)).toBeGreaterThan(Date.parse(done.restoreFinishedDate));
    expect(polls[0]?.body.snapshotUrl).toBeUndefined();
    // The link's lifetime is the one of the spec example (finish → expiry).
    const ex = example.success(poll);
    expect(Date.parse(done.expirationDate) - Date.parse(done.restoreFinishedDate)).toBe(
      Date.parse(ex.expirationDate) - Date.parse(ex.restoreFinishedDate),
    );
    expect(done.snapshotUrl).toContain(`expires=${Date.parse(done.expirationDate) / 1000}`);
  });

  it('ends FAILED without a download link when the scenario says so', async () => {
    const { polls } = await run('FAILED');
    expect(polls.map((p) => p.body.status)).toEqual(['QUEUED', 'RUNNING', 'FAILED', 'FAILED']);
    expect(polls[2]?.body.snapshotUrl).toBeUndefined();
  });

  it('gives deterministic ids: the example id, then +1, restarting on reset()', async () => {
    const { atlas, call } = await run();
    const second = await call(download, requestFor(download));
    expect(second.body.id).toBe((BigInt(`0x${example.jobId}`) + 1n).toString(16).padStart(24, '0'));
    atlas.reset();
    expect(atlas.listRestoreJobs()).toEqual([]);
    expect((await call(download, requestFor(download))).body.id).toBe(example.jobId);
  });

  it('answers 404 RESOURCE_NOT_FOUND for an unknown job, or one of another cluster or project', async () => {
    const { handlers, atlas } = createAtlasHandlers({ clock: ticking });
    const job = atlas.seedRestoreJob({ api });
    const ask = async (path: string) => read(await getResponse(handlers, requestFor(poll, { path })));
    const other = await ask(pollPath('0123456789abcdef01234567'));
    expect(other.status).toBe(404);
    expect(other.body.errorCode).toBe('RESOURCE_NOT_FOUND');
    expect(judge(poll, other)).toEqual([]);
    expect((await ask(pollPath(job.id).replace(`/${example.clusterName}/`, '/Other/'))).status).toBe(404);
    expect((await ask(pollPath(job.id).replace(example.groupId, 'aaaaaaaaaaaaaaaaaaaaaaaa'))).status).toBe(404);
    expect((await ask(pollPath(job.id))).status).toBe(200);
  });

  it('seeds a job in any phase (for a poll-only Pact interaction)', async () => {
    const { handlers, atlas } = createAtlasHandlers({ clock: ticking });
    const job = atlas.seedRestoreJob({
      api,
      id: 'aaaaaaaaaaaaaaaaaaaaaaaa',
      status: 'COMPLETED',
      clusterName: 'Other',
    });
    const answer = await read(
      await getResponse(
        handlers,
        requestFor(poll, { path: pollPath(job.id).replace(`/${example.clusterName}/`, '/Other/') }),
      ),
    );
    expect(answer.body.status).toBe('COMPLETED');
    expect(answer.body[clusterField]).toBe('Other');
    expect(answer.body.snapshotUrl).toContain('/aaaaaaaaaaaaaaaaaaaaaaaa/Other-');
    expect(judge(poll, answer)).toEqual([]);
  });

  it('puts the request values into the job', async () => {
    const { handlers, atlas } = createAtlasHandlers({ clock: ticking });
    // A Flex download names a snapshot the cluster lists.
    atlas.seedFlexSnapshots({
      clusterName: 'Prod-1',
      snapshots: [{ id: 'abcdefabcdefabcdefabcdef', status: 'COMPLETED', finishTime: '2025-11-30T05:00:09Z' }],
    });
    const body = {
      ...(api === 'tenant' ? example.tenantBody : example.flexBody),
      snapshotId: 'abcdefabcdefabcdefabcdef',
    };
    const answer = await read(
      await getResponse(
        handlers,
        requestFor(download, {
          body,
          path: requestFor(download).url.replace(origin, '').replace(`/${example.clusterName}/`, '/Prod-1/'),
        }),
      ),
    );
    expect(answer.body.snapshotId).toBe('abcdefabcdefabcdefabcdef');
    expect(answer.body[clusterField]).toBe('Prod-1');
    expect(answer.body.links[0].href).toContain('/Prod-1/');
    if (api === 'flex') expect(answer.body.snapshotFinishedDate).toBe('2025-11-30T05:00:09Z');
    expect(judge(download, answer)).toEqual([]);
  });

  if (api === 'flex') {
    it('a Flex download of a snapshot the cluster does not list is 404 RESOURCE_NOT_FOUND, and no job is made', async () => {
      const { handlers, atlas } = createAtlasHandlers({ clock: ticking });
      const body = { ...example.flexBody, snapshotId: 'abcdefabcdefabcdefabcdef' };
      const answer = await read(await getResponse(handlers, requestFor(download, { body })));
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ errorCode: 'RESOURCE_NOT_FOUND', parameters: ['abcdefabcdefabcdefabcdef'] });
      expect(judge(download, answer)).toEqual([]);
      expect(atlas.listRestoreJobs()).toEqual([]);
    });
  }
});

describe('latency', () => {
  it('delays answers by latencyMs (option, and scenario at run time)', async () => {
    const { handlers, atlas } = createAtlasHandlers({ latencyMs: 60 });
    let start = performance.now();
    await getResponse(handlers, requestFor('downloadFlexBackup'));
    expect(performance.now() - start).toBeGreaterThanOrEqual(55);
    atlas.setScenario({ latencyMs: 0 });
    start = performance.now();
    await getResponse(handlers, requestFor('downloadFlexBackup'));
    expect(performance.now() - start).toBeLessThan(55);
  });
});
