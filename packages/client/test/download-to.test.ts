import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../src/index.ts';
import { DownloadError, downloadTo } from '../src/node/index.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const payload = Buffer.alloc(256 * 1024, 7);
let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path === '/ok.tar.gz') {
      res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': payload.length });
      // In pieces, so that progress is reported more than once.
      let offset = 0;
      const push = () => {
        if (offset >= payload.length) return res.end();
        res.write(payload.subarray(offset, offset + 32 * 1024));
        offset += 32 * 1024;
        setImmediate(push);
      };
      return push();
    }
    if (req.path === '/cut.tar.gz') {
      res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': payload.length });
      res.write(payload.subarray(0, 64 * 1024), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    if (req.path === '/cut-chunked.tar.gz') {
      res.writeHead(200, { 'Content-Type': 'application/gzip' });
      res.write(payload.subarray(0, 64 * 1024), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    if (req.path === '/slow.tar.gz') {
      res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': payload.length });
      res.write(payload.subarray(0, 1024));
      return; // never finishes
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atlas-kit-download-'));
  return () => rm(dir, { recursive: true, force: true });
});

describe('downloadTo', () => {
  it('streams the snapshot to disk with byte progress', async () => {
    const file = join(dir, 'snapshot.tar.gz');
    const progress: Array<{ bytes: number; total?: number }> = [];
    const r = await downloadTo(`${server.url}/ok.tar.gz?signature=s3cr3t`, file, {
      onProgress: (p) => progress.push(p),
    });
    expect(r).toEqual({ file, bytes: payload.length });
    expect(await readFile(file)).toEqual(payload);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ bytes: payload.length, total: payload.length });
    expect(progress.every((p, i) => i === 0 || p.bytes > (progress[i - 1]?.bytes ?? 0))).toBe(true);
    expect(await readdir(dir)).toEqual(['snapshot.tar.gz']);
  });

  it('accepts a SnapshotDownloadResult (its snapshotUrl)', async () => {
    const file = join(dir, 'from-result.tar.gz');
    await downloadTo({ snapshotUrl: `${server.url}/ok.tar.gz` }, file);
    expect((await readFile(file)).length).toBe(payload.length);
  });

  it.each(['/cut.tar.gz', '/cut-chunked.tar.gz'])(
    'a connection cut mid-body (%s) leaves no file under the final name and no temp file, with a clear error',
    async (path) => {
      const file = join(dir, 'snapshot.tar.gz');
      const e = (await downloadTo(`${server.url}${path}?signature=s3cr3t`, file).catch(
        (x: unknown) => x,
      )) as DownloadError;
      expect(e).toBeInstanceOf(DownloadError);
      expect(e).toBeInstanceOf(AtlasError);
      expect(e.code).toBe('DOWNLOAD');
      expect(e.file).toBe(file);
      expect(e.bytes).toBeGreaterThan(0);
      expect(e.message).toMatch(
        new RegExp(
          `^download of http://127\\.0\\.0\\.1:\\d+${path.replace('.', '\\.')}\\?… to .+snapshot\\.tar\\.gz failed after \\d+ bytes: .+; nothing was written to .+snapshot\\.tar\\.gz$`,
        ),
      );
      expect(e.message).not.toContain('s3cr3t');
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it('an HTTP error writes nothing', async () => {
    const file = join(dir, 'snapshot.tar.gz');
    await expect(downloadTo(`${server.url}/missing`, file)).rejects.toThrow(/HTTP 404; nothing was written/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an abort mid-body writes nothing and rejects with the abort reason', async () => {
    const file = join(dir, 'snapshot.tar.gz');
    const controller = new AbortController();
    const pending = downloadTo(`${server.url}/slow.tar.gz`, file, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('a timeout mid-body writes nothing', async () => {
    const file = join(dir, 'snapshot.tar.gz');
    await expect(downloadTo(`${server.url}/slow.tar.gz`, file, { timeoutMs: 100 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('an existing file under the final name survives a failed download', async () => {
    const file = join(dir, 'snapshot.tar.gz');
    await downloadTo(`${server.url}/ok.tar.gz`, file);
    await expect(downloadTo(`${server.url}/cut.tar.gz`, file)).rejects.toBeInstanceOf(DownloadError);
    expect(await readFile(file)).toEqual(payload);
    expect(await readdir(dir)).toEqual(['snapshot.tar.gz']);
  });

  it('rejects a result without snapshotUrl and non-http URLs', async () => {
    await expect(downloadTo({}, join(dir, 'x'))).rejects.toThrow(
      'downloadTo: no URL to download (the result has no snapshotUrl)',
    );
    await expect(downloadTo('file:///etc/passwd', join(dir, 'x'))).rejects.toThrow('only http(s) URLs');
  });
});
