// Streams a snapshot URL to disk. Written atomically: the bytes go to a temp file in the target's
// own directory (same filesystem, so the final rename is atomic), which is renamed over the final
// name only after the whole body arrived (and matched Content-Length when there was one) and was
// flushed. On any failure the temp file is removed, so no partial file ever sits under `file`.
// The snapshot URL is pre-signed: no Atlas credentials are sent, and messages show the URL
// without its query (where the signature is).
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { SnapshotDownloadResult } from '@atlas-kit/migration-notice';
import { AtlasTimeoutError, DownloadError } from '../errors.ts';
import { safeUrl } from '../redact.ts';

export interface DownloadProgress {
  bytes: number;
  /** From Content-Length, when the server sent one. */
  total?: number;
}

export interface DownloadToOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
  /** Whole download. Default: none (snapshots can be large). */
  timeoutMs?: number;
}

export interface DownloadToResult {
  file: string;
  bytes: number;
}

type Source = string | URL | Pick<SnapshotDownloadResult, 'snapshotUrl'>;

function sourceUrl(source: Source): URL {
  const text = typeof source === 'string' || source instanceof URL ? String(source) : source?.snapshotUrl;
  if (!text)
    throw new DownloadError('downloadTo: no URL to download (the result has no snapshotUrl)', { file: '', bytes: 0 });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DownloadError('downloadTo: the snapshot URL is not an absolute URL', { file: '', bytes: 0 });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DownloadError(`downloadTo: only http(s) URLs can be downloaded, got ${url.protocol}`, {
      file: '',
      bytes: 0,
    });
  }
  return url;
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
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
  const signals = [options.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
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

  let response: Response;
  try {
    response = await fetchImpl(url, { ...(signal ? { signal } : {}) });
  } catch (error) {
    return fail(error, 'before any byte arrived');
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    return fail(
      new DownloadError(`download of ${shown} failed: HTTP ${response.status}; nothing was written to ${target}`, {
        file: target,
        bytes: 0,
      }),
      '',
    );
  }
  const lengthHeader = response.headers.get('content-length');
  const total = lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;

  try {
    // 'wx': a leftover with the same random name is never overwritten.
    handle = await open(temp, 'wx', 0o600);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
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
