// Token bucket per project: RateLimit-Limit/-Remaining on every answer, 429 RATE_LIMITED with
// Retry-After when empty, refill by the clock. Defaults are the documented ones.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers, sharedTierSnapshotsRateLimit } from '../src/index.ts';
import { example, judge, read, requestFor } from './support.ts';

let now = 0;
const clock = () => new Date(Date.parse('2025-12-01T12:00:00Z') + now);
const otherGroup = `/api/atlas/v2/groups/${'b'.repeat(24)}/flexClusters/Cluster0/backup/download`;

describe('rate limit', () => {
  it('defaults to the documented Shared Tier Snapshots limit', async () => {
    now = 0;
    const { handlers } = createAtlasHandlers({ clock });
    const answer = await read(await getResponse(handlers, requestFor('downloadFlexBackup')));
    expect(answer.headers.get('ratelimit-limit')).toBe(String(sharedTierSnapshotsRateLimit.capacity));
    expect(answer.headers.get('ratelimit-remaining')).toBe(String(sharedTierSnapshotsRateLimit.capacity - 1));
  });

  it('empties the bucket, answers 429 with Retry-After, and refills with the clock', async () => {
    now = 0;
    const { handlers } = createAtlasHandlers({
      clock,
      rateLimit: { capacity: 3, refillTokens: 1, refillIntervalMs: 10_000 },
    });
    const call = async (path?: string) => {
      const answer = await read(await getResponse(handlers, requestFor('downloadFlexBackup', path ? { path } : {})));
      expect(judge('downloadFlexBackup', answer)).toEqual([]);
      return answer;
    };
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push((await call()).headers.get('ratelimit-remaining'));
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.body.errorCode).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    // Another project has its own bucket.
    expect((await call(otherGroup)).status).toBe(200);
    now = 4_000;
    expect((await call()).headers.get('retry-after')).toBe('6');
    now = 10_000;
    const after = await call();
    expect(after.status).toBe(200);
    expect(after.headers.get('ratelimit-remaining')).toBe('0');
    now = 1_000_000;
    expect((await call()).headers.get('ratelimit-remaining')).toBe('2');
  });

  it('counts answers that fail validation, not the ones refused for authentication (which still carry the headers)', async () => {
    now = 0;
    const { handlers } = createAtlasHandlers({ clock, rateLimit: { capacity: 5 } });
    const anonymous = await read(
      await getResponse(handlers, requestFor('downloadFlexBackup', { headers: { authorization: undefined } })),
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('ratelimit-remaining')).toBe('5');
    const invalid = await read(await getResponse(handlers, requestFor('downloadFlexBackup', { body: {} })));
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('ratelimit-remaining')).toBe('4');
  });

  it('reset() refills every bucket', async () => {
    now = 0;
    const { handlers, atlas } = createAtlasHandlers({ clock, rateLimit: { capacity: 1 } });
    await getResponse(handlers, requestFor('downloadFlexBackup'));
    expect((await getResponse(handlers, requestFor('downloadFlexBackup')))?.status).toBe(429);
    atlas.reset();
    expect((await getResponse(handlers, requestFor('downloadFlexBackup')))?.status).toBe(200);
  });

  it('rejects a bucket that is not a positive integer', () => {
    expect(() => createAtlasHandlers({ rateLimit: { capacity: 0 } })).toThrow(
      /rateLimit.capacity must be a positive integer/,
    );
    expect(() => createAtlasHandlers({ rateLimit: { refillIntervalMs: Number.NaN } })).toThrow(/refillIntervalMs/);
  });

  it('the example project is the default project', () => {
    expect(requestFor('downloadFlexBackup').url).toContain(example.groupId);
  });
});
