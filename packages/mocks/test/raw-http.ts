// A raw HTTP/1.1 exchange over a TCP socket (node:net): the test controls the exact request line
// and headers, which fetch and node:http would normalise or refuse to send.
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The socket ended with an error (e.g. ECONNRESET) rather than a clean close. */
  error?: string;
}

/** The payload of a chunked body (RFC 9112 §7.1), without extensions or trailers. */
function unchunk(raw: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    const size = Number.parseInt(raw.slice(at, lineEnd), 16);
    if (!(size > 0)) return out;
    out += raw.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/** Sends `head` (request line + headers, CRLF-separated, without the blank line) and `body`; reads to the close. */
export function rawRequest(port: number, head: string, body: string | Buffer = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let error: string | undefined;
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no HTTP answer (${error ?? 'closed'}): ${JSON.stringify(text)}`));
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const raw = text.slice(end + 4);
      resolve({
        status: Number(statusLine?.split(' ')[1]),
        headers,
        body: headers['transfer-encoding'] === 'chunked' ? unchunk(raw) : raw,
        ...(error ? { error } : {}),
      });
    });
    socket.write(`${head}\r\nConnection: close\r\n\r\n`);
    socket.end(body);
  });
}

export interface Exchange {
  answers: { status: number; headers: Record<string, string>; body: string }[];
  /** The first answer arrived before the upload finished. */
  answeredEarly: boolean;
  error?: string;
}

/** Splits `count` Content-Length-framed answers off a buffer; undefined until all are complete. */
function parseAnswers(buffer: Buffer, count: number): Exchange['answers'] | undefined {
  const answers: Exchange['answers'] = [];
  let at = 0;
  while (answers.length < count) {
    const end = buffer.indexOf('\r\n\r\n', at, 'latin1');
    if (end < 0) return undefined;
    const [statusLine, ...lines] = buffer.subarray(at, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? Number.NaN);
    if (!Number.isSafeInteger(length)) throw new Error(`answer without Content-Length: ${statusLine}`);
    if (buffer.length < end + 4 + length) return undefined;
    answers.push({
      status: Number(statusLine?.split(' ')[1]),
      headers,
      body: buffer.toString('utf8', end + 4, end + 4 + length),
    });
    at = end + 4 + length;
  }
  return answers;
}

/**
 * On one keep-alive connection: `head` with a body of `bytes` spaces, written with backpressure
 * whatever the server answers meanwhile, then `next` (a complete request). Resolves with both
 * answers, or with the socket error (e.g. ECONNRESET) if the connection broke.
 */
export function uploadThenReuse(port: number, head: string, bytes: number, next: string): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let uploaded = false;
    let answeredEarly = false;
    let settled = false;
    const finish = (result: Exchange) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (!uploaded && parseAnswers(received, 1)) answeredEarly = true;
      const answers = uploaded ? parseAnswers(received, 2) : undefined;
      if (answers) finish({ answers, answeredEarly });
    });
    socket.on('error', (e: NodeJS.ErrnoException) =>
      finish({ answers: parseAnswers(received, 1) ?? [], answeredEarly, error: e.code ?? e.message }),
    );
    socket.on('close', () =>
      finish({ answers: parseAnswers(received, 1) ?? [], answeredEarly, error: 'closed before the second answer' }),
    );
    socket.write(`${head}\r\nContent-Length: ${bytes}\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!socket.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void socket.once('drain', write);
      }
      uploaded = true;
      socket.write(next);
    };
    write();
  });
}
