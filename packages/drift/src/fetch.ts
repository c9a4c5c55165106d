import { InputError } from './errors.ts';
import { MAX_REDIRECTS } from './limits.ts';
import { gunzipIfGzip, tooLarge } from './read.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A URL as it may be printed: no userinfo, no query or fragment (signatures and tokens live there). */
export function displayUrl(url: URL | string): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * The rule every hop must pass: https, or plain http to a loopback host (so tests can serve on
 * 127.0.0.1) — and never from https down to http, even on loopback.
 */
function checkHop(next: URL, from: URL | undefined): void {
  const loopbackHttp = next.protocol === 'http:' && LOOPBACK.has(next.hostname);
  if (next.protocol === 'https:' || (loopbackHttp && from?.protocol !== 'https:')) return;
  const what = from ? `redirect from ${displayUrl(from)} to ${displayUrl(next)}` : displayUrl(next);
  const rule =
    from?.protocol === 'https:' && next.protocol === 'http:'
      ? 'a redirect may not downgrade https to http'
      : 'use https (plain http only for 127.0.0.1/localhost)';
  throw new InputError(`refusing ${next.protocol} ${what}: ${rule}`);
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
}

/**
 * Fetches the upstream spec. Redirects are followed by hand (at most MAX_REDIRECTS) so that every hop
 * passes the same scheme rule as the first URL; the body is read chunk by chunk and dropped at
 * `maxBytes` (counted after any Content-Encoding is decoded, so a gzip bomb stops there too). The
 * timeout covers the whole exchange, redirects and body included.
 */
export async function fetchBytes(url: string, options: FetchOptions): Promise<Buffer> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new InputError(`invalid URL: ${displayUrl(url)}`);
  }
  checkHop(current, undefined);
  const signal = AbortSignal.timeout(options.timeoutMs);
  const shown = displayUrl(current);
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(current, {
        signal,
        redirect: 'manual',
        headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5', 'user-agent': 'atlas-drift' },
      });
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (!location) throw new InputError(`cannot fetch ${shown}: HTTP ${res.status} without a Location header`);
        if (hop >= MAX_REDIRECTS) {
          throw new InputError(`cannot fetch ${shown}: more than ${MAX_REDIRECTS} redirects`);
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new InputError(`cannot fetch ${shown}: redirect to an invalid URL`);
        }
        checkHop(next, current);
        current = next;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new InputError(`cannot fetch ${displayUrl(current)}: HTTP ${res.status} ${res.statusText}`.trim());
      }
      return await readBody(res, displayUrl(current), options.maxBytes);
    }
  } catch (error) {
    throw explain(error, shown, options.timeoutMs);
  }
}

async function readBody(res: Response, shown: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new InputError(tooLarge(shown, `its Content-Length of ${declared} bytes`, maxBytes));
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new InputError(tooLarge(shown, 'the body', maxBytes));
      }
      chunks.push(value);
    }
  }
  return gunzipIfGzip(Buffer.concat(chunks, total), shown, maxBytes);
}

function explain(error: unknown, shown: string, timeoutMs: number): InputError {
  if (error instanceof InputError) return error;
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const hint = 'are you offline? Pass --upstream <file> to check a local copy';
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
    return new InputError(`timed out after ${seconds} fetching ${shown} (${hint}, or raise --timeout)`);
  }
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return new InputError(`cannot reach ${shown}: connection refused (${hint})`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new InputError(`cannot resolve the host of ${shown} (${hint})`);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
    return new InputError(`connection to ${shown} was reset (${hint})`);
  }
  return new InputError(`cannot fetch ${shown}: ${err.cause?.message ?? err.message ?? String(error)} (${hint})`);
}
