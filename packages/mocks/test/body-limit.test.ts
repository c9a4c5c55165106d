// The request-body limit (issue 14, item 9): 1 MiB by default (README "Limits"; typed here so a
// wrong constant in src/ fails), 413 CONTENT_TOO_LARGE past it, judged from Content-Length when
// there is one and while reading when there is none. Bodies are never parsed past the limit.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { example, judgeApiError, read, requestFor } from './support.ts';

const clock = () => new Date('2025-12-01T12:00:00Z');
const MiB = 1024 * 1024;

/** A tenant body of exactly `bytes` bytes (an ignored extra property pads it). */
function bodyOf(bytes: number): string {
  const base = JSON.stringify({ ...example.tenantBody, pad: '' });
  return base.replace('"pad":""', `"pad":"${'x'.repeat(bytes - base.length)}"`);
}

/** A body stream without Content-Length (as a chunked upload arrives). */
function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 64 * 1024));
      at += 64 * 1024;
    },
  });
}

describe('request body limit', () => {
  it('takes a body of exactly 1 MiB and refuses one byte more with 413', async () => {
    const { handlers } = createAtlasHandlers({ clock });
    const ok = await read(
      await getResponse(handlers, requestFor('downloadClusterBackupTenant', { body: bodyOf(MiB) })),
    );
    expect(ok.status).toBe(200);
    const big = await read(
      await getResponse(handlers, requestFor('downloadClusterBackupTenant', { body: bodyOf(MiB + 1) })),
    );
    expect(big.status).toBe(413);
    expect(big.body.errorCode).toBe('CONTENT_TOO_LARGE');
    expect(big.body.reason).toBe('Content Too Large');
    expect(big.body.detail).toMatch(/1048576 bytes/);
    expect(judgeApiError(big)).toEqual([]);
  });

  it('refuses a 100 MB body on its Content-Length without reading it', async () => {
    const { handlers } = createAtlasHandlers({ clock });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const base = requestFor('downloadClusterBackupTenant');
    const headers = new Headers(base.headers);
    headers.set('content-length', String(100 * 1000 * 1000));
    const request = new Request(base.url, { method: 'POST', headers, body: endless, duplex: 'half' } as RequestInit);
    const answer = await read(await getResponse(handlers, request));
    expect(answer.status).toBe(413);
    expect(pulled).toBeLessThan(4);
  });

  it('stops reading a body without Content-Length at the limit', async () => {
    const { handlers } = createAtlasHandlers({ clock });
    const base = requestFor('downloadClusterBackupTenant');
    const request = new Request(base.url, {
      method: 'POST',
      headers: base.headers,
      body: streamOf(bodyOf(3 * MiB)),
      duplex: 'half',
    } as RequestInit);
    expect((await getResponse(handlers, request))?.status).toBe(413);
  });

  it('is configurable with limits.requestBodyBytes', async () => {
    const { handlers } = createAtlasHandlers({ clock, limits: { requestBodyBytes: 200 } });
    const status = async (bytes: number) =>
      (await getResponse(handlers, requestFor('downloadClusterBackupTenant', { body: bodyOf(bytes) })))?.status;
    expect(await status(200)).toBe(200);
    expect(await status(201)).toBe(413);
  });
});
