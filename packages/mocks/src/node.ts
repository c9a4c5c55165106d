// Node entry: setupServer (interception in this process) and a real node:http server that
// resolves each request through the same handlers with msw's getResponse (for the Pact verifier,
// which runs outside this process and cannot be intercepted).
//
// Before a request reaches the handlers it must become a `Request`, and that is where hostile
// bytes are met: a malformed Host header, a request-target that a URL parser would read as
// another authority (`//evil.example/…`), a large upload. This server answers the first two itself
// (400 VALIDATION_ERROR naming `Host` or `request-target`) and never builds the URL from the Host
// header (every Request carries this server's own origin, so no path can be matched as another
// origin). The body limit is the handlers' (steps/body-size.ts); this server hands them a body
// stream that reads only what they pull, and after an early answer discards what the client still
// sends (up to drainBytes) so the connection stays usable instead of being reset under the client.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getResponse, isPassthroughResponse } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { apiError, type FieldViolation, genericErrorCode } from './api-error.ts';
import { createAtlasHandlers } from './handlers.ts';
import type { AtlasControl, AtlasMockOptions } from './types.ts';

export * from './index.ts';

export interface AtlasServer {
  server: SetupServer;
  atlas: AtlasControl;
}

/** `setupServer` with the Atlas handlers; call `server.listen({ onUnhandledFrame: 'error' })` yourself. */
export function setupAtlasServer(options: AtlasMockOptions = {}): AtlasServer {
  const { handlers, atlas } = createAtlasHandlers(options);
  return { server: setupServer(...handlers), atlas };
}

export interface AtlasHttpServerOptions extends Omit<AtlasMockOptions, 'baseUrl' | 'unmatched'> {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
}

export interface AtlasHttpServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  close(): Promise<void>;
  atlas: AtlasControl;
}

/** What the server discards of a body the handlers did not read before it closes the connection instead. */
const drainBytes = 64 * 1024 * 1024;

function writeJson(out: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  out.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  out.end(text);
}

function badRequestBody(field: string, description: string): Record<string, unknown> {
  const fields: FieldViolation[] = [{ field, description }];
  return apiError(undefined, 400, genericErrorCode(400), `Invalid request: ${field}.`, { fields }).body;
}

function badRequest(out: ServerResponse, field: string, description: string): void {
  writeJson(out, 400, badRequestBody(field, description));
}

/**
 * Requests node:http's parser refuses (an unparsable request line or header) get the same JSON
 * 400 as the checks above, on a connection then closed; node's own answers stay for oversized
 * headers (431) and timeouts (408).
 */
function onClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return void socket.end('HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return void socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
  const field = error.code === 'HPE_INVALID_URL' ? 'request-target' : 'request';
  const text = JSON.stringify(
    badRequestBody(field, `node:http could not parse the request (${error.code ?? 'parse error'}).`),
  );
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/** Why a Host header is not `uri-host [ ":" port ]` (RFC 9110 §7.2), or undefined when it is. */
function hostProblem(inc: IncomingMessage): string | undefined {
  let count = 0;
  for (let i = 0; i < inc.rawHeaders.length; i += 2) if (inc.rawHeaders[i]?.toLowerCase() === 'host') count++;
  if (count > 1) return 'The request has more than one Host header.';
  const host = inc.headers.host;
  // HTTP/1.0 may omit Host; node:http itself refuses an HTTP/1.1 request without one.
  if (host === undefined) return undefined;
  const problem = 'The Host header is not a host with an optional port (RFC 9110 §7.2).';
  // The WHATWG URL parser validates host and port; anything that lands outside them (a path,
  // query, fragment or user info) was not a Host value.
  if (host === '' || /[/?#@\\]/.test(host)) return problem;
  try {
    const parsed = new URL(`http://${host}`);
    return parsed.pathname === '/' && parsed.search === '' && parsed.hash === '' ? undefined : problem;
  } catch {
    return problem;
  }
}

/**
 * The path and query of a request-target (RFC 9112 §3.2): origin-form as it is, absolute-form by
 * its path (RFC 9112 §3.2.2: a server must accept it). A path that starts with `//` reads as
 * another authority to URL parsers, so it is refused, as are authority-form and asterisk-form.
 */
function targetPath(target: string | undefined): string | undefined {
  if (!target) return undefined;
  if (target.startsWith('/')) return target.startsWith('//') ? undefined : target;
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    const url = new URL(target);
    return url.pathname.startsWith('//') ? undefined : url.pathname + url.search;
  } catch {
    return undefined;
  }
}

/** The request body as a stream that reads from `inc` only when pulled (no read-ahead). */
function pulledBody(inc: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      pull: (controller) =>
        new Promise<void>((resolve, reject) => {
          const done = () => {
            inc.off('readable', take);
            inc.off('end', end);
            inc.off('error', fail);
          };
          function take() {
            const chunk = inc.read() as Buffer | null;
            if (chunk === null) return;
            done();
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            resolve();
          }
          function end() {
            done();
            controller.close();
            resolve();
          }
          function fail(e: Error) {
            done();
            reject(e);
          }
          if (inc.readableEnded) return end();
          inc.on('readable', take);
          inc.once('end', end);
          inc.once('error', fail);
          take();
        }),
      // The server drains what is left after the answer (see below): cancelling must not destroy
      // the socket under the answer.
      cancel: () => {},
    },
    { highWaterMark: 0 },
  );
}

/** After the answer: discard the rest of an unread body so the connection stays usable; close past drainBytes. */
function drain(inc: IncomingMessage): void {
  if (inc.readableEnded || inc.destroyed) return;
  inc.removeAllListeners('readable');
  let discarded = 0;
  inc.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > drainBytes) inc.socket.destroy();
  });
  inc.resume();
}

/** True when the request carries a body (RFC 9112 §6.3: Transfer-Encoding or a non-zero Content-Length). */
const hasBody = (inc: IncomingMessage): boolean =>
  inc.headers['transfer-encoding'] !== undefined ||
  (inc.headers['content-length'] !== undefined && inc.headers['content-length'] !== '0');

/**
 * A real HTTP server answering with the Atlas handlers, for any Host. Paths under the API prefix
 * that no operation has answer Atlas's 404 RESOURCE_NOT_FOUND (405 for another method on an
 * operation's path); other paths answer 404 too.
 */
export async function startAtlasHttpServer(options: AtlasHttpServerOptions = {}): Promise<AtlasHttpServer> {
  const { host = '127.0.0.1', port = 0, ...mockOptions } = options;
  // The handlers need this server's origin, known once it listens: requests wait for them.
  let ready: (value: { origin: string; handlers: ReturnType<typeof createAtlasHandlers> }) => void = () => {};
  const setup = new Promise<{ origin: string; handlers: ReturnType<typeof createAtlasHandlers> }>((resolve) => {
    ready = resolve;
  });

  const handle = async (inc: IncomingMessage, out: ServerResponse) => {
    const path = targetPath(inc.url);
    if (path === undefined) {
      badRequest(out, 'request-target', 'The request-target must be a path (origin-form) or an http(s) URL.');
      return drain(inc);
    }
    const problem = hostProblem(inc);
    if (problem) {
      badRequest(out, 'Host', problem);
      return drain(inc);
    }
    const { origin, handlers: mock } = await setup;
    let response: Response | undefined;
    try {
      const headers = new Headers();
      for (let i = 0; i < inc.rawHeaders.length; i += 2) {
        headers.append(inc.rawHeaders[i] as string, inc.rawHeaders[i + 1] as string);
      }
      const method = inc.method ?? 'GET';
      const withBody = method !== 'GET' && method !== 'HEAD' && hasBody(inc);
      const request = new Request(`${origin}${path}`, {
        method,
        headers,
        ...(withBody ? { body: pulledBody(inc), duplex: 'half' } : {}),
      } as RequestInit);
      response = await getResponse(mock.handlers, request, { baseUrl: origin, quiet: true });
    } catch (e) {
      const detail = `The atlas-kit mock server failed: ${e instanceof Error ? e.message : String(e)}`;
      const reply = apiError(undefined, 500, genericErrorCode(500), detail);
      writeJson(out, reply.status, reply.body);
      return drain(inc);
    }
    if (!response || isPassthroughResponse(response)) {
      const reply = apiError(undefined, 404, genericErrorCode(404), `No resource answers ${inc.method} ${path}.`);
      writeJson(out, reply.status, reply.body);
      return drain(inc);
    }
    out.statusCode = response.status;
    // appendHeader keeps repeated headers (e.g. several Link or WWW-Authenticate values).
    response.headers.forEach((value, name) => {
      out.appendHeader(name, value);
    });
    out.end(Buffer.from(await response.arrayBuffer()));
    drain(inc);
  };

  const server = createServer((inc, out) => {
    handle(inc, out).catch((e: unknown) => {
      // Reached only if writing the answer failed (e.g. the client went away).
      if (!out.headersSent) writeJson(out, 500, { error: 500, errorCode: genericErrorCode(500), detail: String(e) });
      else out.destroy();
    });
  });
  server.on('clientError', onClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  let mock: ReturnType<typeof createAtlasHandlers>;
  try {
    mock = createAtlasHandlers({ ...mockOptions, baseUrl: url, unmatched: 'not-found' });
  } catch (e) {
    // Bad options: no server is left listening.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw e;
  }
  ready({ origin: url, handlers: mock });
  return {
    url,
    atlas: mock.atlas,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
