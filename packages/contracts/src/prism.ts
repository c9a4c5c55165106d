// Prism mocks the merged document in a child process. The child runs on process.execPath (the
// Node 24 running us; prism-cli 5.16 needs node >= 24.18), never through npx or a PATH lookup.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

export interface PrismServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Everything Prism printed so far (one line per request, with [VALIDATOR] findings). */
  log(): string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** The OpenAPI document to mock (a file path). */
  document: string;
  /** Response validation: an answer that violates the spec becomes a 500 (`--errors`). */
  errors?: boolean;
  startTimeoutMs?: number;
}

/**
 * Starts `prism mock` on 127.0.0.1 and a free port (`-p 0`; Prism logs the port it got).
 * Request validation is always on in Prism 5 (there is no flag for it); `--errors` adds response
 * validation.
 */
export async function startPrism({
  document,
  errors = true,
  startTimeoutMs = 30_000,
}: PrismOptions): Promise<PrismServer> {
  const args = [prismBin, 'mock', '-h', '127.0.0.1', '-p', '0', document, ...(errors ? ['--errors'] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let log = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`Prism did not start within ${startTimeoutMs} ms. Its output:\n${log}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`Prism could not be started: ${e.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (${signal ?? code}) before listening. Its output:\n${log}`));
    });
  });
  return {
    url,
    log: () => log,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      await exit;
    },
  };
}
