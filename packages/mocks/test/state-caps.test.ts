// Bounded state (issue 14, item 8): restore jobs and rate buckets are capped, the oldest evicted
// first, so a long-lived dev server that sees ever new project ids stays flat.
// Default caps typed here on purpose (README "Limits"): a wrong constant in src/ must fail.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { example, requestFor } from './support.ts';

const clock = () => new Date('2025-12-01T12:00:00Z');
const hexId = (n: number) => n.toString(16).padStart(24, '0');
const flexDownload = (groupId: string) =>
  requestFor('downloadFlexBackup', { path: `/api/atlas/v2/groups/${groupId}/flexClusters/Cluster0/backup/download` });

describe('state caps', () => {
  it('keeps at most 1000 restore jobs by default; half as many again for new projects evict the oldest', async () => {
    const { handlers, atlas } = createAtlasHandlers({ clock });
    for (let i = 0; i < 1_500; i++) {
      const response = await getResponse(handlers, flexDownload(hexId(i)));
      if (response?.status !== 200) throw new Error(`download ${i} answered ${response?.status}`);
    }
    const jobs = atlas.listRestoreJobs();
    expect(jobs).toHaveLength(1000);
    // The newest survive, oldest first in the list.
    expect(jobs.at(-1)?.groupId).toBe(hexId(1_499));
    expect(jobs[0]?.groupId).toBe(hexId(500));
  }, 60_000);

  it('evicts the oldest job first; a poll of it then answers 404', async () => {
    const { handlers, atlas } = createAtlasHandlers({ clock, limits: { restoreJobs: 3 } });
    const first = atlas.seedRestoreJob({ api: 'tenant' });
    expect(first.id).toBe(example.jobId);
    expect((await getResponse(handlers, requestFor('getBackupTenantRestore')))?.status).toBe(200);
    const later = [1, 2, 3].map(() => atlas.seedRestoreJob({ api: 'tenant' }).id);
    expect(atlas.listRestoreJobs().map((j) => j.id)).toEqual(later);
    expect((await getResponse(handlers, requestFor('getBackupTenantRestore')))?.status).toBe(404);
  });

  it('keeps at most the configured number of rate buckets; an evicted project starts full again', async () => {
    const { handlers } = createAtlasHandlers({
      clock,
      rateLimit: { capacity: 1, refillTokens: 1, refillIntervalMs: 3_600_000 },
      limits: { rateBuckets: 2 },
    });
    const status = async (groupId: string) => (await getResponse(handlers, flexDownload(groupId)))?.status;
    expect(await status(hexId(1))).toBe(200);
    expect(await status(hexId(1))).toBe(429);
    expect(await status(hexId(2))).toBe(200);
    expect(await status(hexId(1))).toBe(429);
    expect(await status(hexId(3))).toBe(200);
    expect(await status(hexId(4))).toBe(200);
    // Project 1's bucket was the oldest: evicted, so it is full again.
    expect(await status(hexId(1))).toBe(200);
  });

  it('keeps at most 1000 rate buckets by default (the 1001st project evicts the oldest)', async () => {
    const { handlers } = createAtlasHandlers({
      clock,
      rateLimit: { capacity: 1, refillTokens: 1, refillIntervalMs: 3_600_000 },
    });
    const status = async (groupId: string) => (await getResponse(handlers, flexDownload(groupId)))?.status;
    expect(await status(hexId(0))).toBe(200);
    for (let i = 1; i < 1000; i++) await status(hexId(i));
    // 1000 buckets: project 0 is still remembered (and empty).
    expect(await status(hexId(0))).toBe(429);
    // The 1001st project evicts the oldest bucket, project 0's: it is full again.
    await status(hexId(1000));
    expect(await status(hexId(0))).toBe(200);
  }, 30_000);

  it('rejects caps that are not positive integers', () => {
    expect(() => createAtlasHandlers({ limits: { restoreJobs: 0 } })).toThrow(/limits\.restoreJobs/);
    expect(() => createAtlasHandlers({ limits: { rateBuckets: 1.5 } })).toThrow(/limits\.rateBuckets/);
    expect(() => createAtlasHandlers({ limits: { requestBodyBytes: -1 } })).toThrow(/limits\.requestBodyBytes/);
  });
});
