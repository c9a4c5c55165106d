// The server of the throughput bench, in a process of its own (as a user's server is not in the
// user's process): a node:http server on 127.0.0.1 (keep-alive, Node's default) that answers the
// token request and downloadClusterBackupTenant the way Atlas does (versioned media type,
// RateLimit and deprecation headers). Prints its port on stdout; GET /bench/token-requests says
// how many token requests it answered.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDeprecationHeaders } from '@atlas-kit/migration-notice';
import { atlas, operation } from '@atlas-kit/openapi';

export const TOKEN = 'bench-access-token';
export const SNAPSHOT = '6561d0b5c8ff4d3a1f2e9a07';
const op = operation('downloadClusterBackupTenant');
const answer = JSON.stringify({
  id: '6561d2f4c8ff4d3a1f2eab12',
  clusterName: 'Cluster0',
  snapshotId: SNAPSHOT,
  status: 'PENDING',
});
const answerHeaders = {
  'Content-Type': op.mediaType,
  'Content-Length': String(Buffer.byteLength(answer)),
  'RateLimit-Limit': '4000',
  'RateLimit-Remaining': '3999',
  ...buildDeprecationHeaders(),
};

let tokenRequests = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/bench/token-requests') return res.end(String(tokenRequests));
    if (req.url === atlas.oauth.tokenPath) {
      tokenRequests += 1;
      const body = JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      return res.end(body);
    }
    // Both sides must send the same request: the token, the operation's media type, the body.
    const body = Buffer.concat(chunks).toString('utf8');
    if (
      req.headers.authorization !== `Bearer ${TOKEN}` ||
      req.headers.accept !== op.mediaType ||
      req.headers['content-type'] !== op.mediaType ||
      JSON.parse(body || 'null')?.snapshotId !== SNAPSHOT
    ) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      return res.end('{"error":400,"errorCode":"NOT_THE_BENCH_REQUEST"}');
    }
    res.writeHead(200, answerHeaders);
    res.end(answer);
  });
});

if (process.argv[1] === import.meta.filename) {
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
