// HTTP Digest (RFC 7616) computations. The hashes come from #digest-hash: node:crypto in Node,
// @noble/hashes elsewhere (package.json "imports"), so that the main entry stays browser-safe and
// Node loads no JavaScript hash implementation.
import { hashHex as hash } from '#digest-hash';

export const digestAlgorithms = ['SHA-256', 'SHA-256-sess', 'MD5', 'MD5-sess'] as const;
export type DigestAlgorithm = (typeof digestAlgorithms)[number];

export function isDigestAlgorithm(value: string): value is DigestAlgorithm {
  return (digestAlgorithms as readonly string[]).includes(value);
}

const hashHex = (algorithm: DigestAlgorithm, text: string) =>
  hash(algorithm.startsWith('SHA-256') ? 'SHA-256' : 'MD5', text);

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export interface DigestInput {
  algorithm: DigestAlgorithm;
  username: string;
  password: string;
  realm: string;
  method: string;
  /** The request-target as sent, e.g. `/dir/index.html` (path and query). */
  uri: string;
  nonce: string;
  /** 8 hex digits, e.g. `00000001`; ignored without qop. */
  nc: string;
  cnonce: string;
  /** `auth`, or undefined for a server that offers no qop (RFC 2069 compatibility). */
  qop?: 'auth';
}

/** The `response` value of an Authorization: Digest header (RFC 7616 §3.4.1). */
export function digestResponse(input: DigestInput): string {
  const { algorithm, username, password, realm, method, uri, nonce, nc, cnonce, qop } = input;
  let ha1 = hashHex(algorithm, `${username}:${realm}:${password}`);
  if (algorithm.endsWith('-sess')) ha1 = hashHex(algorithm, `${ha1}:${nonce}:${cnonce}`);
  const ha2 = hashHex(algorithm, `${method.toUpperCase()}:${uri}`);
  return qop
    ? hashHex(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
    : hashHex(algorithm, `${ha1}:${nonce}:${ha2}`);
}

/** A fresh client nonce: 16 random bytes, hex. `crypto.getRandomValues` exists in Node and browsers. */
export function makeCnonce(): string {
  return hex(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

const quote = (v: string) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;

export interface AuthorizationFields extends Omit<DigestInput, 'password'> {
  opaque?: string;
  response: string;
}

/** The Authorization header value. The password itself never appears in it. */
export function digestAuthorization(f: AuthorizationFields): string {
  const parts = [
    `username=${quote(f.username)}`,
    `realm=${quote(f.realm)}`,
    `uri=${quote(f.uri)}`,
    `algorithm=${f.algorithm}`,
    `nonce=${quote(f.nonce)}`,
  ];
  if (f.qop) parts.push(`nc=${f.nc}`, `cnonce=${quote(f.cnonce)}`, `qop=${f.qop}`);
  parts.push(`response=${quote(f.response)}`);
  if (f.opaque !== undefined) parts.push(`opaque=${quote(f.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}
