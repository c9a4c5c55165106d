// Streams a snapshot URL to disk. Written atomically: the bytes go to a temp file in the target's
// own directory (same filesystem, so the final rename is atomic), which is renamed over the final
// name only after the whole body arrived (and matched Content-Length when there was one) and was
// flushed. On any failure the temp file is removed, so no partial file ever sits under `file`.
// The snapshot URL is pre-signed: no Atlas credentials are sent, and messages show the URL
// without userinfo and query (where the signature is).
//
// The transport is node:http(s), not fetch: fetch decodes any Content-Encoding and cannot be told
// not to, so a gzip-encoded .tar.gz would be saved as a plain tar (and Content-Length would not
// match the bytes counted). Here `Accept-Encoding: identity` is asked for and whatever comes is
// saved byte for byte. Redirects are followed by hand, each hop checked (redirect-hops.ts): https
// only — plain http to a loopback address when `allowLoopbackHttp` says so — never https → http.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { basename, dirname, join, resolve } from 'node:path';
import type { SnapshotDownloadResult } from '@atlas-kit/migration-notice/core';
import { AtlasTimeoutError, DownloadError } from '../errors.ts';
import { safeUrl } from '../redact.ts';
import { type HopRules, redirectTarget, refuseHop } from '../redirect-hops.ts';
import { isRedirect } from '../redirects.ts';

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length, when the server sent one. */
  total?: number;
}

export interface DownloadToOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Whole download. Default: none (snapshots can be large). */
  timeoutMs?: number;
  /**
   * Allow plain http to a loopback address (127.0.0.0/8, [::1], localhost): a local mock or a test
   * server. Default false: https only, on every hop.
   */
  allowLoopbackHttp?: boolean;
}

export interface DownloadToResult {
  file: string;
  bytes: number;
}

type Source = string | URL | Pick<SnapshotDownloadResult, 'snapshotUrl'>;

/** Room left for the temp file's own name parts within NAME_MAX (255 bytes on Linux, macOS, Windows). */
const TEMP_PREFIX_BYTES = 100;

function sourceUrl(source: Source): URL {
  const text = typeof source === 'string' || source instanceof URL ? String(source) : source?.snapshotUrl;
  if (!text)
    throw new DownloadError('downloadTo: no URL to download (the result has no snapshotUrl)', { file: '', bytes: 0 });
  try {
    return new URL(text);
  } catch {
    throw new DownloadError('downloadTo: the snapshot URL is not an absolute URL', { file: '', bytes: 0 });
  }
}

/**
 * `.<the target's name, cut to 100 bytes>.<random>.part` beside the target: a 255-byte target name
 * leaves a temp name of at most 119 bytes. Cut on a character boundary (encodeInto writes whole
 * characters only).
 */
function tempFile(target: string): string {
  const name = basename(target);
  const { read } = new TextEncoder().encodeInto(name, new Uint8Array(TEMP_PREFIX_BYTES));
  return join(dirname(target), `.${name.slice(0, read)}.${randomBytes(6).toString('hex')}.part`);
}

/** One GET, the answer's bytes untouched. */
function get(url: URL, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    // `on`, not `once`: the request may report a second error after the first (e.g. abort + reset).
    send(url, { headers: { 'Accept-Encoding': 'identity' }, ...(signal ? { signal } : {}) }, resolve).on(
      'error',
      reject,
    );
  });
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code =
    cause && typeof cause === 'object' && 'code' in cause ? ` (${String((cause as { code: unknown }).code)})` : '';
  const causeMessage = cause instanceof Error && cause.message !== error.message ? `: ${cause.message}` : '';
  return `${error.message}${causeMessage}${code}`;
}

export async function downloadTo(
  source: Source,
  file: string,
  options: DownloadToOptions = {},
): Promise<DownloadToResult> {
  if (typeof file !== 'string' || file === '')
    throw new DownloadError('downloadTo: a target file path is required', { file: '', bytes: 0 });
  const url = sourceUrl(source);
  const target = resolve(file);
  const shown = safeUrl(url);
  const rules: HopRules = { plainHttp: options.allowLoopbackHttp === true ? 'loopback' : 'never' };
  const refused = (reason: string) =>
    new DownloadError(`downloadTo: ${shown} refused: ${reason}; nothing was written to ${target}`, {
      file: target,
      bytes: 0,
    });
  const refusal = refuseHop(undefined, url, rules);
  if (refusal) throw refused(refusal);
  const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
  const signals = [options.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  const temp = tempFile(target);
  let bytes = 0;
  let handle: Awaited<ReturnType<typeof open>> | undefined;

  const fail = async (error: unknown, what: string): Promise<never> => {
    await handle?.close().catch(() => {});
    handle = undefined;
    await rm(temp, { force: true }).catch(() => {});
    if (timeout?.aborted && !options.signal?.aborted)
      throw new AtlasTimeoutError(`download of ${shown}`, options.timeoutMs as number);
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(
      `download of ${shown} to ${target} failed ${what}: ${reasonOf(error)}; nothing was written to ${target}`,
      {
        file: target,
        bytes,
      },
    );
  };

  let response: IncomingMessage;
  for (let redirects = 0, at = url; ; redirects++) {
    try {
      response = await get(at, signal);
    } catch (error) {
      return fail(error, 'before any byte arrived');
    }
    const { location } = response.headers;
    if (!isRedirect(response.statusCode ?? 0, location)) break;
    response.destroy(); // a redirect's body is not read (it could be endless)
    try {
      at = redirectTarget(at, location, redirects, rules);
    } catch (error) {
      return fail(refused((error as Error).message), '');
    }
  }
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) {
    response.destroy();
    return fail(
      new DownloadError(`download of ${shown} failed: HTTP ${status}; nothing was written to ${target}`, {
        file: target,
        bytes: 0,
      }),
      '',
    );
  }
  // Errors of the body are read through its iterator below; this keeps one that comes before the
  // iteration starts (a reset while the temp file opens) from being thrown as uncaught.
  response.on('error', () => {});
  const lengthHeader = response.headers['content-length'];
  const total = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;

  try {
    // 'wx': a leftover with the same random name is never overwritten.
    handle = await open(temp, 'wx', 0o600);
    for await (const chunk of response as AsyncIterable<Buffer>) {
      await handle.write(chunk);
      bytes += chunk.byteLength;
      options.onProgress?.({ bytes, ...(total !== undefined ? { total } : {}) });
    }
    if (total !== undefined && bytes !== total) {
      throw new Error(`the connection ended after ${bytes} of ${total} bytes`);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    return fail(error, `after ${bytes} byte${bytes === 1 ? '' : 's'}`);
  }
  return { file: target, bytes };
}
