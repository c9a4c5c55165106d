import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../src/index.ts';
import { DownloadError, downloadTo } from '../src/node/index.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { useServers } from './helpers/tls.ts';

const payload = Buffer.alloc(256 * 1024, 7);
/** The tests' server speaks plain http on 127.0.0.1, which downloadTo refuses unless told. */
const LOOPBACK = { allowLoopbackHttp: true } as const;
/** Cuts the connection of the pending /cut* answer. */
let cut: (() => void) | undefined;
/** downloadTo's options for a /cut* download: the server cuts when the first bytes have arrived. */
const cutAfterFirstBytes = { ...LOOPBACK, onProgress: () => cut?.() };
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
    if (req.path === '/cut.tar.gz' || req.path === '/cut-chunked.tar.gz') {
      const length = req.path === '/cut.tar.gz' ? { 'Content-Length': payload.length } : {};
      res.writeHead(200, { 'Content-Type': 'application/gzip', ...length });
      res.write(payload.subarray(0, 64 * 1024));
      // Cut once the client has read some of the body (see cutAfterFirstBytes), not on a timer:
      // on a loaded machine a timer may fire before the client read anything.
      cut = () => res.socket?.destroy();
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
      ...LOOPBACK,
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
    await downloadTo({ snapshotUrl: `${server.url}/ok.tar.gz` }, file, LOOPBACK);
    expect((await readFile(file)).length).toBe(payload.length);
  });

  it.each(['/cut.tar.gz', '/cut-chunked.tar.gz'])(
    'a connection cut mid-body (%s) leaves no file under the final name and no temp file, with a clear error',
    async (path) => {
      const file = join(dir, 'snapshot.tar.gz');
      const e = (await downloadTo(`${server.url}${path}?signature=s3cr3t`, file, cutAfterFirstBytes).catch(
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
    await expect(downloadTo(`${server.url}/missing`, file, LOOPBACK)).rejects.toThrow(/HTTP 404; nothing was written/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an abort mid-body writes nothing and rejects with the abort reason', async () => {
    const file = join(dir, 'snapshot.tar.gz');
    const controller = new AbortController();
    const pending = downloadTo(`${server.url}/slow.tar.gz`, file, {
      ...LOOPBACK,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('a timeout mid-body writes nothing', async () => {
    const file = join(dir, 'snapshot.tar.gz');
    await expect(downloadTo(`${server.url}/slow.tar.gz`, file, { ...LOOPBACK, timeoutMs: 100 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('an existing file under the final name survives a failed download', async () => {
    const file = join(dir, 'snapshot.tar.gz');
    await downloadTo(`${server.url}/ok.tar.gz`, file, LOOPBACK);
    await expect(downloadTo(`${server.url}/cut.tar.gz`, file, cutAfterFirstBytes)).rejects.toBeInstanceOf(
      DownloadError,
    );
    expect(await readFile(file)).toEqual(payload);
    expect(await readdir(dir)).toEqual(['snapshot.tar.gz']);
  });

  it('rejects a result without snapshotUrl and non-http URLs', async () => {
    await expect(downloadTo({}, join(dir, 'x'))).rejects.toThrow(
      'downloadTo: no URL to download (the result has no snapshotUrl)',
    );
    await expect(downloadTo('file:///etc/passwd', join(dir, 'x'))).rejects.toThrow(
      'downloadTo: file:///etc/passwd refused: only http(s) URLs can be requested, got file:',
    );
  });
});

// Hostile links: each server below is made for one test and closed after it.
const serve = useServers();
const snapshot = Buffer.from('a tar.gz snapshot, byte for byte');
const serveSnapshot = (secure: boolean) =>
  serve(secure, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': snapshot.length });
    res.end(snapshot);
  });
const redirectTo = (secure: boolean, to: () => string, status = 302) =>
  serve(secure, (req, res) => {
    res.writeHead(status, { Location: `${to()}${req.url}` });
    res.end();
  });
const failure = async (p: Promise<unknown>) => {
  const e = (await p.catch((x: unknown) => x)) as DownloadError;
  expect(e).toBeInstanceOf(DownloadError);
  expect(e.code).toBe('DOWNLOAD');
  return e;
};

describe('downloadTo: https on every hop', () => {
  it('downloads over https', async () => {
    const origin = await serveSnapshot(true);
    const file = join(dir, 'snap.tar.gz');
    await expect(downloadTo(`${origin.url}/s.tar.gz?signature=abc`, file)).resolves.toEqual({
      file,
      bytes: snapshot.length,
    });
    expect(await readFile(file)).toEqual(snapshot);
  });

  it('plain http is refused without allowLoopbackHttp, before any request', async () => {
    const origin = await serveSnapshot(false);
    const e = await failure(downloadTo(`${origin.url}/s.tar.gz?signature=SIGSECRET`, join(dir, 'snap.tar.gz')));
    expect(e.message).toMatch(
      /^downloadTo: http:\/\/127\.0\.0\.1:\d+\/s\.tar\.gz\?… refused: plain http is refused \(https only; allowLoopbackHttp allows http to a loopback address\); nothing was written to .+snap\.tar\.gz$/,
    );
    expect(e.message).not.toContain('SIGSECRET');
    expect(origin.requests).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an https → http redirect is refused, even to loopback with allowLoopbackHttp', async () => {
    const clear = await serveSnapshot(false);
    const front = await redirectTo(true, () => clear.url);
    const e = await failure(
      downloadTo(`${front.url}/s.tar.gz?signature=SIGSECRET`, join(dir, 'snap.tar.gz'), LOOPBACK),
    );
    expect(e.message).toMatch(
      /refused: a redirect from https:\/\/127\.0\.0\.1:\d+\/s\.tar\.gz\?… to http:\/\/127\.0\.0\.1:\d+\/s\.tar\.gz\?… was refused: it leaves https for plain http; nothing was written/,
    );
    expect(e.message).not.toContain('SIGSECRET');
    expect(clear.requests).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('https → https redirects are followed (relative Locations too) and each hop is checked', async () => {
    const origin = await serveSnapshot(true);
    const hop2 = await redirectTo(true, () => origin.url, 307);
    const hop1 = await serve(true, (req, res) => {
      res.writeHead(301, { Location: `${hop2.url}${req.url}` });
      res.end();
    });
    const relative = await serve(true, (req, res) => {
      if (req.path === '/start') {
        res.writeHead(302, { Location: '/next.tar.gz?signature=x' });
        return res.end();
      }
      res.writeHead(303, { Location: `${hop1.url}/final.tar.gz` });
      res.end();
    });
    const file = join(dir, 'snap.tar.gz');
    await downloadTo(`${relative.url}/start`, file);
    expect(await readFile(file)).toEqual(snapshot);
    expect(relative.requests.map((r) => r.url)).toEqual(['/start', '/next.tar.gz?signature=x']);
    expect(origin.requests.map((r) => r.url)).toEqual(['/final.tar.gz']);
  });

  it('with allowLoopbackHttp, http → http on loopback is followed', async () => {
    const origin = await serveSnapshot(false);
    const front = await redirectTo(false, () => origin.url);
    const file = join(dir, 'snap.tar.gz');
    await downloadTo(`${front.url}/s.tar.gz`, file, LOOPBACK);
    expect(await readFile(file)).toEqual(snapshot);
  });

  it('a redirect loop stops after 20 redirects, with a clear error', async () => {
    const loop: TestServer = await serve(true, (req, res) => {
      res.writeHead(302, { Location: `${req.path}?n=${loop.requests.length}&signature=SIGSECRET` });
      res.end();
    });
    const e = await failure(downloadTo(`${loop.url}/s.tar.gz`, join(dir, 'snap.tar.gz')));
    expect(e.message).toMatch(
      /refused: more than 20 redirects, the last to https:\/\/127\.0\.0\.1:\d+\/s\.tar\.gz\?…;/,
    );
    expect(e.message).not.toContain('SIGSECRET');
    expect(loop.requests).toHaveLength(21);
  });
});

describe('downloadTo: the bytes as sent', () => {
  const gzipped = gzipSync(Buffer.from('{"a tar, say": true}\n'.repeat(50)));

  it.each([true, false])(
    'a Content-Encoding: gzip answer (Content-Length sent: %s) is saved verbatim, and identity was asked for',
    async (withLength) => {
      const origin = await serve(true, (_req, res) => {
        res.writeHead(200, {
          'Content-Type': 'application/gzip',
          'Content-Encoding': 'gzip',
          ...(withLength ? { 'Content-Length': gzipped.length } : {}),
        });
        res.end(gzipped);
      });
      const file = join(dir, 'snap.tar.gz');
      await expect(downloadTo(`${origin.url}/s.tar.gz`, file)).resolves.toEqual({ file, bytes: gzipped.length });
      expect(await readFile(file)).toEqual(gzipped);
      expect(origin.requests[0]?.headers['accept-encoding']).toBe('identity');
    },
  );
});

describe('downloadTo: no secret of the URL in a message', () => {
  it('a URL with credentials is refused; the message shows neither them nor the query', async () => {
    const origin = await serveSnapshot(true);
    const { host } = new URL(origin.url);
    const e = await failure(
      downloadTo(`https://USERNAME42:PASSWORD123@${host}/s.tar.gz?signature=SIGSECRET`, join(dir, 'snap.tar.gz')),
    );
    expect(e.message).toMatch(
      /^downloadTo: https:\/\/127\.0\.0\.1:\d+\/s\.tar\.gz\?… refused: it carries credentials \(user:password@\), which are never sent; nothing was written to /,
    );
    for (const secret of ['USERNAME42', 'PASSWORD123', 'SIGSECRET']) expect(e.message).not.toContain(secret);
    expect(origin.requests).toEqual([]);
  });

  it('a redirect to a URL with credentials is refused the same way', async () => {
    const origin = await serveSnapshot(true);
    const front = await serve(true, (_req, res) => {
      res.writeHead(302, {
        Location: `https://USERNAME42:PASSWORD123@${new URL(origin.url).host}/x?signature=SIGSECRET`,
      });
      res.end();
    });
    const e = await failure(downloadTo(`${front.url}/s.tar.gz`, join(dir, 'snap.tar.gz')));
    expect(e.message).toMatch(/carries credentials \(user:password@\)/);
    for (const secret of ['USERNAME42', 'PASSWORD123', 'SIGSECRET']) expect(e.message).not.toContain(secret);
    expect(origin.requests).toEqual([]);
  });

  it('a failure after the first hop shows the URLs without their query', async () => {
    const origin = await serve(true, (_req, res) => {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('signature expired');
    });
    const front = await redirectTo(true, () => origin.url);
    const e = await failure(downloadTo(`${front.url}/s.tar.gz?signature=SIGSECRET`, join(dir, 'snap.tar.gz')));
    expect(e.message).toMatch(/failed: HTTP 403/);
    expect(e.message).not.toContain('SIGSECRET');
  });
});

describe('downloadTo: long file names', () => {
  it.each([
    ['250 ASCII characters', `${'s'.repeat(243)}.tar.gz`],
    ['255 bytes of UTF-8 (85 three-byte characters)', '数'.repeat(85)],
  ])('a valid name of %s works (the temporary name stays within NAME_MAX)', async (_what, name) => {
    const origin = await serveSnapshot(true);
    const file = join(dir, name);
    await expect(downloadTo(`${origin.url}/s.tar.gz`, file)).resolves.toEqual({ file, bytes: snapshot.length });
    expect(await readFile(file)).toEqual(snapshot);
    expect(await readdir(dir)).toEqual([name]);
  });
});
