// A node:http server on 127.0.0.1 for the tests: records every request and answers with the
// handler the test sets. (Used until/besides @atlas-kit/mocks; no other network.)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { beforeEach } from 'vitest';
import type { TlsIdentity } from './tls.ts';

export interface Recorded {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: Recorded, res: ServerResponse) => unknown;

export interface TestServer {
  url: string;
  requests: Recorded[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** `tls`: serve https with this key and certificate (see tls.ts) instead of http. */
export async function startServer(handler?: Handler, options: { tls?: TlsIdentity } = {}): Promise<TestServer> {
  let current: Handler = handler ?? ((_req, res) => json(res, 404, { error: 404, errorCode: 'NO_HANDLER' }));
  const requests: Recorded[] = [];
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: Recorded = {
      method: req.method ?? '',
      url: req.url ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(rec);
    try {
      await current(rec, res);
    } catch (error) {
      if (!res.headersSent) json(res, 599, { error: 599, errorCode: 'TEST_HANDLER_THREW', detail: String(error) });
    }
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    handle(h) {
      current = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** An Atlas versioned JSON answer. */
export function atlas(
  res: ServerResponse,
  status: number,
  body: unknown,
  mediaType: string,
  headers: Record<string, string> = {},
): void {
  json(res, status, body, { 'Content-Type': mediaType, ...headers });
}

/** A fetch that fails the test when called: proves that nothing went to the network. */
export const forbiddenFetch: typeof fetch = async (input) => {
  throw new Error(
    `fetch must not be called, but was called for ${String(input instanceof Request ? input.url : input)}`,
  );
};

export const GROUP = '5e2211c17a3e5a48f5497de3';
export const SNAPSHOT = '6561d0b5c8ff4d3a1f2e9a07';
export const JOB = '6561d2f4c8ff4d3a1f2eab12';

/**
 * A fresh server for each test, closed (its connections cut) after it. One server shared by a
 * file's tests is not isolated even when its record is cleared between them: a request a test
 * gave up on (timeout, abort) may already be on the socket and reach the server only after the
 * next test has started, which then finds it among its own requests. A request that comes late
 * now meets a closed server, and each test reads only the record of its own server.
 */
export function useTestServer(): TestServer {
  let started: TestServer | undefined;
  const get = () => {
    if (!started) throw new Error('the test server starts in beforeEach');
    return started;
  };
  beforeEach(async () => {
    started = await startServer();
    const server = started;
    return async () => {
      started = undefined;
      await server.close();
    };
  });
  return {
    get url() {
      return get().url;
    },
    get requests() {
      return get().requests;
    },
    handle: (handler) => get().handle(handler),
    close: () => get().close(),
  };
}
