import { operation } from '@atlas-kit/openapi';
import { describe, expect, it, vi } from 'vitest';
import {
  AtlasApiError,
  AtlasNetworkError,
  AtlasRateLimitError,
  createAtlasClient,
  type RetryEvent,
} from '../src/index.ts';
import { atlas, GROUP, JOB, json, SNAPSHOT, useTestServer } from './helpers/server.ts';

const flexMedia = operation('downloadFlexBackup').mediaType;
const flexJob = { id: JOB, instanceName: 'Cluster0', snapshotId: SNAPSHOT, status: 'PENDING' };
const rateLimited = { error: 429, errorCode: 'RATE_LIMITED', reason: 'Too Many Requests' };

const server = useTestServer();

const make = (retry?: Parameters<typeof createAtlasClient>[0]['retry'], timeoutMs?: number) =>
  createAtlasClient({
    baseUrl: server.url,
    auth: { type: 'none' },
    ...(retry !== undefined ? { retry } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
const download = (c: ReturnType<typeof make>, signal?: AbortSignal) =>
  c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT }, signal ? { signal } : {});

/** Answers the first `n` requests with 429, then 200. */
function throttleFirst(n: number, retryAfter: string | undefined) {
  server.handle((_req, res) => {
    const headers: Record<string, string> = { 'RateLimit-Limit': '4000', 'RateLimit-Remaining': '0' };
    if (retryAfter !== undefined) headers['Retry-After'] = retryAfter;
    if (server.requests.length <= n) return json(res, 429, rateLimited, headers);
    return atlas(res, 200, flexJob, flexMedia, { 'RateLimit-Limit': '4000', 'RateLimit-Remaining': '1999' });
  });
}

describe('429 handling', () => {
  it('waits Retry-After and retries; the result exposes RateLimit-Limit/Remaining', async () => {
    throttleFirst(1, '0');
    const events: RetryEvent[] = [];
    const r = await download(make({ onRetry: (e) => events.push(e) }));
    expect(r.data).toEqual(flexJob);
    expect(r.rateLimit).toEqual({ limit: 4000, remaining: 1999 });
    expect(server.requests).toHaveLength(2);
    expect(events).toEqual([
      {
        operationId: 'downloadFlexBackup',
        attempt: 1,
        delayMs: 0,
        rateLimit: { limit: 4000, remaining: 0, retryAfterMs: 0 },
      },
    ]);
  });

  it('really waits (Retry-After: 1 → about 1 s)', async () => {
    throttleFirst(1, '1');
    const started = performance.now();
    await download(make());
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('caps the wait at maxDelayMs', async () => {
    throttleFirst(1, '3600');
    const events: RetryEvent[] = [];
    const started = performance.now();
    await download(make({ maxDelayMs: 30, onRetry: (e) => events.push(e) }));
    expect(events[0]?.delayMs).toBe(30);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('without Retry-After waits defaultDelayMs', async () => {
    throttleFirst(1, undefined);
    const events: RetryEvent[] = [];
    await download(make({ defaultDelayMs: 5, onRetry: (e) => events.push(e) }));
    expect(events[0]?.delayMs).toBe(5);
  });

  it('bounded: gives up after maxAttempts with AtlasRateLimitError', async () => {
    throttleFirst(99, '0');
    const e = (await download(make({ maxAttempts: 3 })).catch((x: unknown) => x)) as AtlasRateLimitError;
    expect(e).toBeInstanceOf(AtlasRateLimitError);
    expect(e).toBeInstanceOf(AtlasApiError);
    expect(e).toMatchObject({ code: 'RATE_LIMITED', status: 429, errorCode: 'RATE_LIMITED', attempts: 3 });
    expect(e.rateLimit).toEqual({ limit: 4000, remaining: 0, retryAfterMs: 0 });
    expect(e.message).toBe(
      'downloadFlexBackup failed: HTTP 429 RATE_LIMITED — Too Many Requests; gave up after 3 attempts',
    );
    expect(server.requests).toHaveLength(3);
  });

  it('retry: false → one attempt', async () => {
    throttleFirst(99, '0');
    await expect(download(make(false))).rejects.toMatchObject({ attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('the wait is abortable', async () => {
    throttleFirst(99, '10');
    const controller = new AbortController();
    const pending = download(make(), controller.signal);
    // Aborted once the 429 is out (not on a timer: under load the first request can take longer).
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 10_000, interval: 5 });
    const abortedAt = performance.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    // The Retry-After of 10 s is not waited out.
    expect(performance.now() - abortedAt).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('does not wait past the call timeout: reports the 429 at once', async () => {
    throttleFirst(99, '60');
    const started = performance.now();
    await expect(download(make(undefined, 2_000))).rejects.toBeInstanceOf(AtlasRateLimitError);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the download POST is never retried on 5xx or network errors', () => {
  it.each([500, 502, 503, 504])('HTTP %i → one request, AtlasApiError', async (status) => {
    server.handle((_req, res) =>
      json(res, status, { error: status, errorCode: 'UNEXPECTED_ERROR' }, { 'Retry-After': '0' }),
    );
    await expect(download(make())).rejects.toMatchObject({ status, code: 'API_ERROR' });
    expect(server.requests).toHaveLength(1);
  });

  it('connection reset mid-answer → one request, AtlasNetworkError', async () => {
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    await expect(download(make())).rejects.toBeInstanceOf(AtlasNetworkError);
    expect(server.requests).toHaveLength(1);
  });

  it('the tenant download POST likewise', async () => {
    server.handle((_req, res) => json(res, 503, { error: 503, errorCode: 'SERVICE_UNAVAILABLE' }));
    const c = createAtlasClient({ baseUrl: server.url, auth: { type: 'none' }, onDeprecation: () => {} });
    await expect(
      c.downloadClusterBackupTenant(
        { groupId: GROUP, clusterName: 'Cluster0' },
        { snapshotId: SNAPSHOT, targetDeploymentItemName: 'Cluster0' },
      ),
    ).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });
});
