// The isolation useTestServer promises: a request that a test started but the server had not yet
// read when the test ended (a client that timed out or aborted under load) must not show up in the
// next test's record. Reproduced deterministically with a request written in two halves.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestServer } from './helpers/server.ts';

const server = useTestServer();
let late: Socket | undefined;

describe('useTestServer', () => {
  it('(1) a test leaves a request half sent', async () => {
    const { port } = new URL(server.url);
    late = connect(Number(port), '127.0.0.1');
    late.on('error', () => {}); // the next test writes to a connection that may be cut
    await new Promise<void>((resolve) => late?.once('connect', resolve));
    await new Promise<void>((resolve) => late?.write('GET /from-the-previous-test HTTP/1.1\r\n', () => resolve()));
    expect(server.requests).toEqual([]);
  });

  it('(2) its end arriving during the next test is not in that test’s record', async () => {
    expect(late).toBeDefined();
    await new Promise<void>((resolve) => late?.end('Host: 127.0.0.1\r\n\r\n', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests.map((r) => r.path)).toEqual([]);
    late?.destroy();
  });
});
