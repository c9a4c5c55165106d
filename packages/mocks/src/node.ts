// Node entry: setupServer (interception in this process) and a real node:http server that
// resolves each request through the same handlers with msw's getResponse (for the Pact verifier,
// which runs outside this process and cannot be intercepted).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { getResponse, isPassthroughResponse } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { createAtlasHandlers } from './handlers.ts';
import { genericErrorBody } from './spec.ts';
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

function writeJson(out: ServerResponse, status: number, body: unknown): void {
  out.writeHead(status, { 'content-type': 'application/json' });
  out.end(JSON.stringify(body));
}

/**
 * A real HTTP server answering with the Atlas handlers. Every path is served: the handlers match
 * any origin, and a request they do not answer gets Atlas's 404 RESOURCE_NOT_FOUND.
 */
export async function startAtlasHttpServer(options: AtlasHttpServerOptions = {}): Promise<AtlasHttpServer> {
  const { host = '127.0.0.1', port = 0, ...mockOptions } = options;
  const { handlers, atlas } = createAtlasHandlers({ ...mockOptions, baseUrl: '*', unmatched: 'not-found' });
  const notFound = genericErrorBody(404);
  const failed = genericErrorBody(500);

  const handle = async (inc: IncomingMessage, out: ServerResponse) => {
    const origin = `http://${inc.headers.host ?? `${host}:${port}`}`;
    const hasBody = inc.method !== 'GET' && inc.method !== 'HEAD';
    let response: Response | undefined;
    try {
      const headers = new Headers();
      for (let i = 0; i < inc.rawHeaders.length; i += 2) {
        headers.append(inc.rawHeaders[i] as string, inc.rawHeaders[i + 1] as string);
      }
      const request = new Request(new URL(inc.url ?? '/', origin), {
        method: inc.method ?? 'GET',
        headers,
        ...(hasBody ? { body: Readable.toWeb(inc) as ReadableStream, duplex: 'half' } : {}),
      } as RequestInit);
      response = await getResponse(handlers, request, { baseUrl: origin, quiet: true });
    } catch (e) {
      writeJson(out, 500, {
        detail: `The atlas-kit mock server failed: ${e instanceof Error ? e.message : String(e)}`,
        error: 500,
        errorCode: failed.errorCode,
        reason: failed.reason,
      });
      return;
    }
    if (!response || isPassthroughResponse(response)) {
      writeJson(out, 404, {
        detail: `No resource answers ${inc.method} ${inc.url}.`,
        error: 404,
        errorCode: notFound.errorCode,
        reason: notFound.reason,
      });
      return;
    }
    out.statusCode = response.status;
    // appendHeader keeps repeated headers (e.g. several Link or WWW-Authenticate values).
    response.headers.forEach((value, name) => {
      out.appendHeader(name, value);
    });
    out.end(Buffer.from(await response.arrayBuffer()));
  };

  const server = createServer((inc, out) => {
    handle(inc, out).catch((e: unknown) => {
      // Reached only if writing the answer failed (e.g. the client went away).
      if (!out.headersSent) writeJson(out, 500, { error: 500, errorCode: failed.errorCode, detail: String(e) });
      else out.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    atlas,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
