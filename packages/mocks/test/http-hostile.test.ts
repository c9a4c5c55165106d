// The node:http server under hostile and careless input (issue 14, items 5 and 9): malformed Host
// headers and request-targets are the mock's own 400, never a 500 and never another origin; the
// body limit holds over real HTTP; an early answer to a large upload (401, 406, 413) reaches the
// client without a connection reset, and the connection stays usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtlasHttpServer, startAtlasHttpServer } from '../src/node.ts';
import { rawRequest, uploadThenReuse } from './raw-http.ts';
import { bearer, example, judgeApiError, mediaTypes, requestFor } from './support.ts';

let srv: AtlasHttpServer;
let port: number;
beforeAll(async () => {
  srv = await startAtlasHttpServer({ clock: () => new Date('2025-12-01T12:00:00Z') });
  port = Number(new URL(srv.url).port);
});
afterAll(async () => {
  await srv.close();
});

const pollPath = new URL(requestFor('getFlexRestoreJob').url).pathname;
const downloadPath = new URL(requestFor('downloadClusterBackupTenant').url).pathname;
const good = `Authorization: ${bearer}\r\nAccept: ${mediaTypes.getFlexRestoreJob}`;

describe('malformed Host headers', () => {
  it.each(['x:99999', 'x:-1', 'x:80:80', 'a b', 'a/b', 'user@host', '[::1', 'host?q', 'host#f', '%', ''])(
    'Host: %j → 400 from the mock',
    async (host) => {
      srv.atlas.reset();
      srv.atlas.seedRestoreJob({ api: 'flex' });
      const answer = await rawRequest(port, `GET ${pollPath} HTTP/1.1\r\nHost: ${host}\r\n${good}`);
      expect(answer.status).toBe(400);
      const body = JSON.parse(answer.body);
      expect(body.errorCode).toBe('VALIDATION_ERROR');
      expect(body.badRequestDetail.fields[0].field).toBe('Host');
      expect(judgeApiError({ status: 400, headers: new Headers(), text: answer.body, body })).toEqual([]);
    },
  );

  it.each(['127.0.0.1', 'localhost:8080', '[::1]:1', 'cloud.mongodb.com'])('Host: %s is served', async (host) => {
    srv.atlas.reset();
    srv.atlas.seedRestoreJob({ api: 'flex' });
    const answer = await rawRequest(port, `GET ${pollPath} HTTP/1.1\r\nHost: ${host}\r\n${good}`);
    expect(answer.status).toBe(200);
  });
});

describe('request-targets', () => {
  it.each([`//evil.example${pollPath}`, `//evil.example:${0}${pollPath}`, '*', 'evil.example:443'])(
    '%s is a 400, never answered as another origin',
    async (target) => {
      srv.atlas.reset();
      srv.atlas.seedRestoreJob({ api: 'flex' });
      const answer = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${good}`);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).badRequestDetail.fields[0].field).toBe('request-target');
    },
  );

  it('an absolute-form target (RFC 9112 §3.2.2) is served by its path, for this server', async () => {
    srv.atlas.reset();
    srv.atlas.seedRestoreJob({ api: 'flex' });
    const answer = await rawRequest(port, `GET http://127.0.0.1${pollPath} HTTP/1.1\r\nHost: 127.0.0.1\r\n${good}`);
    expect(answer.status).toBe(200);
  });
});

describe('large uploads over real HTTP', () => {
  const size = 20 * 1000 * 1000;
  const tenant = {
    authorization: bearer,
    accept: mediaTypes.downloadClusterBackupTenant,
    'content-type': mediaTypes.downloadClusterBackupTenant,
  };

  // A raw socket, not node:http's client: once an answer has ended, that client stops writing the
  // rest of its own request body (it waits for a 'drain' it no longer listens to).
  it.each([
    ['no credentials', 401, { ...tenant, authorization: undefined }],
    ['a wrong Accept', 406, { ...tenant, accept: '*/*' }],
    ['credentials', 413, tenant],
  ] as const)(
    '%s: the early %i arrives whole, no reset, the connection is reused',
    async (_name, status, headers) => {
      srv.atlas.reset();
      const lines = Object.entries(headers)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}: ${v}`);
      const head = [`POST ${downloadPath} HTTP/1.1`, 'Host: 127.0.0.1', ...lines].join('\r\n');
      const small = JSON.stringify(example.tenantBody);
      const next = [head, `Content-Length: ${Buffer.byteLength(small)}`, '', small].join('\r\n');
      const exchange = await uploadThenReuse(port, head, size, next);
      expect(exchange.error).toBeUndefined();
      expect(exchange.answeredEarly).toBe(true);
      const [first, second] = exchange.answers;
      expect(first?.status).toBe(status);
      expect(JSON.parse(first?.body ?? '{}').error).toBe(status);
      // The same connection then answers the next request.
      expect(second?.status).toBe(status === 413 ? 200 : status);
    },
    30_000,
  );

  it('a 2 MB body is refused with 413, not parsed', async () => {
    const big = JSON.stringify({ ...example.tenantBody, targetDeploymentItemName: 'x'.repeat(2_000_000) });
    const response = await fetch(`${srv.url}${downloadPath}`, { method: 'POST', headers: tenant, body: big });
    expect(response.status).toBe(413);
    expect((await response.json()).errorCode).toBe('CONTENT_TOO_LARGE');
  });
});
