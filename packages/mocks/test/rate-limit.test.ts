// Token bucket per limit set and project: RateLimit-Limit/-Remaining on every answer, 429
// RATE_LIMITED with Retry-After when empty, refill by the clock. Defaults are the documented ones.
import { getResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AtlasOperationId, createAtlasHandlers } from '../src/index.ts';
import { example, judge, read, requestFor } from './support.ts';

let now = 0;
const clock = () => new Date(Date.parse('2025-12-01T12:00:00Z') + now);
const otherGroup = `/api/atlas/v2/groups/${'b'.repeat(24)}/flexClusters/Cluster0/backup/download`;

// Buckets refill on the mock clock or on real time, whichever moved more. The clock-driven tests
// hold real time still (fake `performance.now`, nothing else faked) so their numbers are exact.
const holdRealTime = () => vi.useFakeTimers({ toFake: ['performance'] });
afterEach(() => {
  vi.useRealTimers();
});

describe('rate limit', () => {
  // The numbers are typed here on purpose, from /work/shared/upstream/README.md ("The Shared Tier
  // Snapshots set allowed 4000 requests per project, refilling 2000 per 60 s"), not imported from
  // the package: a wrong constant in src/ must fail this test.
  it('defaults to the documented Shared Tier Snapshots limit: 4000 per project, 2000 back per 60 s', async () => {
    holdRealTime();
    now = 0;
    const { handlers } = createAtlasHandlers({ clock });
    const call = async () => {
      const response = await getResponse(handlers, requestFor('downloadClusterBackupTenant'));
      if (!response) throw new Error('no handler answered');
      await response.arrayBuffer();
      return response;
    };
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('4000');
    expect(first.headers.get('ratelimit-remaining')).toBe('3999');

    // 3999 more in the same instant empty the bucket; the next one is refused.
    let last = first;
    for (let i = 1; i < 4000; i++) {
      last = await call();
      if (last.status !== 200) throw new Error(`request ${i + 1} answered ${last.status}`);
    }
    expect(last.headers.get('ratelimit-remaining')).toBe('0');
    const limited = await read(await getResponse(handlers, requestFor('downloadClusterBackupTenant')));
    expect(limited.status).toBe(429);
    expect(limited.body.errorCode).toBe('RATE_LIMITED');
    expect(limited.headers.get('ratelimit-limit')).toBe('4000');
    // 2000 per 60 s is one token every 30 ms: Retry-After rounds that up to the whole second.
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(judge('downloadClusterBackupTenant', limited)).toEqual([]);

    // 60 s later exactly 2000 tokens are back: 2000 requests pass, the next is refused.
    now = 60_000;
    for (let i = 0; i < 2000; i++) {
      const answer = await call();
      if (answer.status !== 200) throw new Error(`request ${i + 1} after 60 s answered ${answer.status}`);
      if (i === 0) expect(answer.headers.get('ratelimit-remaining')).toBe('1999');
    }
    expect((await call()).status).toBe(429);

    // Never more than the capacity, however long the wait.
    now = 24 * 3_600_000;
    expect((await call()).headers.get('ratelimit-remaining')).toBe('3999');
  }, 60_000);

  it('empties the bucket, answers 429 with Retry-After, and refills with the clock', async () => {
    holdRealTime();
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

  it('counts per limit set: the tenant operations share the Shared Tier Snapshots bucket, Flex has its own', async () => {
    holdRealTime();
    now = 0;
    const { handlers, atlas } = createAtlasHandlers({ clock, rateLimit: { capacity: 2 } });
    // The polls' default path names the example job: one tenant job with that id; the Flex job gets its own.
    atlas.seedRestoreJob({ api: 'tenant', id: example.jobId });
    const flexJob = atlas.seedRestoreJob({ api: 'flex' });
    const flexPoll = requestFor('getFlexRestoreJob').url.replace(example.jobId, flexJob.id);
    const call = async (id: AtlasOperationId) => {
      const over = id === 'getFlexRestoreJob' ? { path: new URL(flexPoll).pathname } : {};
      const answer = await read(await getResponse(handlers, requestFor(id, over)));
      expect(judge(id, answer), id).toEqual([]);
      if (answer.status !== 200 && answer.status !== 429) throw new Error(`${id} answered ${answer.status}`);
      return answer;
    };
    // The download and its poll take from one bucket: two calls empty it.
    expect((await call('downloadClusterBackupTenant')).headers.get('ratelimit-remaining')).toBe('1');
    expect((await call('getBackupTenantRestore')).headers.get('ratelimit-remaining')).toBe('0');
    const tenantLimited = await call('downloadClusterBackupTenant');
    expect(tenantLimited.status).toBe(429);
    expect(tenantLimited.body.detail).toMatch(/Shared Tier Snapshots/);
    expect((await call('getBackupTenantRestore')).status).toBe(429);

    // The same project's Flex calls are not refused: a full bucket of their own.
    const flex = await call('downloadFlexBackup');
    expect(flex.status).toBe(200);
    expect(flex.headers.get('ratelimit-remaining')).toBe('1');
    expect((await call('getFlexRestoreJob')).status).toBe(200);
    expect((await call('downloadFlexBackup')).status).toBe(429);
    // … and emptying Flex's bucket does not refill or drain the tenant one.
    expect((await call('getBackupTenantRestore')).headers.get('ratelimit-remaining')).toBe('0');
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

  // A pinned clock (every README example pins one) must not stop the refill: buckets also refill
  // on real elapsed time, whichever moved more (issue 14, item 6).
  it('with a pinned clock, the documented 4000 come back on real time and Retry-After is true', async () => {
    const pinned = () => new Date('2025-12-01T12:00:00Z');
    const { handlers } = createAtlasHandlers({ clock: pinned });
    const call = async () => {
      const response = await getResponse(handlers, requestFor('downloadClusterBackupTenant'));
      await response?.arrayBuffer();
      return response as Response;
    };
    for (let i = 0; i < 4000; i++) {
      const response = await call();
      // Real time passes while 4000 requests run: a token can come back on the way.
      if (response.status !== 200) break;
    }
    let limited = await call();
    while (limited.status === 200) limited = await call();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    expect((await call()).status).toBe(200);
  }, 30_000);

  it('Retry-After is the true wait on real time: refused just before, answered after', async () => {
    const pinned = () => new Date('2025-12-01T12:00:00Z');
    const { handlers } = createAtlasHandlers({
      clock: pinned,
      rateLimit: { capacity: 1, refillTokens: 1, refillIntervalMs: 2000 },
    });
    const status = async () => (await getResponse(handlers, requestFor('downloadFlexBackup')))?.status;
    expect(await status()).toBe(200);
    const limited = await getResponse(handlers, requestFor('downloadFlexBackup'));
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('retry-after')).toBe('2');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await status()).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await status()).toBe(200);
  }, 10_000);

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
