// The Authorization check. Atlas takes a service-account access token as `Bearer <token>` or API
// keys through HTTP Digest (see documented-facts.ts). "Malformed", as this mock defines it:
//  - no header, an empty one, or a scheme other than Bearer / Digest (case-insensitive);
//  - Bearer: the credentials are not exactly one RFC 6750 b64token;
//  - Digest: not a comma-separated list of RFC 9110 auth-params (token or quoted-string values,
//    no parameter twice), or one of username, realm, nonce, uri, response, qop, nc, cnonce is
//    missing, or realm is not Atlas's, qop is not `auth`, nc is not 8 hex digits, algorithm is not
//    MD5 / SHA-256, response is not a 32 (MD5) / 64 (SHA-256) hex digest, or uri is not the
//    request-target of this request.
// With `auth.bearerTokens` / `auth.apiKeys`, well-formed credentials must also be known ones
// (Digest: the response digest is recomputed, RFC 7616 §3.4.1). Nonces are not tracked: any
// nonce is accepted, so a client can reuse one (this mock does not test replay protection).
//
// Hand-written parser: http-auth-utils imports node:crypto (this module must run in a browser
// too) and auth-header silently skips what it cannot parse, which is the opposite of what a
// check for malformed credentials needs.
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { digestAuth } from './documented-facts.ts';

export interface AuthOptions {
  /** Accept only these Bearer tokens (default: any well-formed token). */
  bearerTokens?: readonly string[];
  /** Verify Digest credentials against these API keys (default: any well-formed Digest credentials). */
  apiKeys?: readonly { publicKey: string; privateKey: string }[];
}

export type AuthResult = { ok: true; scheme: 'Bearer' | 'Digest'; principal: string } | { ok: false; problem: string };

const b64token = /^[A-Za-z0-9\-._~+/]+=*$/;
const tokenChars = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const hex8 = /^[0-9a-fA-F]{8}$/;
const digestHexLength: Record<string, number> = { MD5: 32, 'SHA-256': 64 };
const requiredDigestParams = ['username', 'realm', 'nonce', 'uri', 'response', 'qop', 'nc', 'cnonce'] as const;

/** `a=b, c="d, e"` → Map; null when the list does not follow the auth-param grammar. */
function parseAuthParams(input: string): Map<string, string> | null {
  const params = new Map<string, string>();
  let i = 0;
  const n = input.length;
  const skipSpace = () => {
    while (i < n && (input[i] === ' ' || input[i] === '\t')) i++;
  };
  while (i < n) {
    skipSpace();
    if (input[i] === ',') {
      // Empty list elements are allowed by the #rule of RFC 9110 §5.6.1.
      i++;
      continue;
    }
    if (i >= n) break;
    const eq = input.indexOf('=', i);
    if (eq < 0) return null;
    const name = input.slice(i, eq).trim().toLowerCase();
    if (!tokenChars.test(name) || params.has(name)) return null;
    i = eq + 1;
    skipSpace();
    let value = '';
    if (input[i] === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const c = input[i];
        if (c === '\\' && i + 1 < n) {
          value += input[i + 1];
          i += 2;
        } else if (c === '"') {
          i++;
          closed = true;
          break;
        } else {
          value += c;
          i++;
        }
      }
      if (!closed) return null;
    } else {
      const start = i;
      while (i < n && input[i] !== ',' && input[i] !== ' ' && input[i] !== '\t') i++;
      value = input.slice(start, i);
      if (!tokenChars.test(value)) return null;
    }
    params.set(name, value);
    skipSpace();
    if (i < n && input[i] !== ',') return null;
  }
  return params;
}

const hash = (algorithm: string, text: string): string =>
  bytesToHex((algorithm === 'SHA-256' ? sha256 : md5)(utf8ToBytes(text)));

export function checkAuthorization(
  header: string | null,
  request: { method: string; url: URL },
  options: AuthOptions = {},
): AuthResult {
  if (!header?.trim()) return { ok: false, problem: 'The Authorization header is missing.' };
  const value = header.trim();
  const space = value.indexOf(' ');
  const scheme = (space < 0 ? value : value.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : value.slice(space + 1).trim();
  if (scheme === 'bearer') {
    if (!b64token.test(rest)) return { ok: false, problem: 'The Bearer credentials are not one RFC 6750 token.' };
    if (options.bearerTokens && !options.bearerTokens.includes(rest)) {
      return { ok: false, problem: 'The Bearer token is not valid.' };
    }
    return { ok: true, scheme: 'Bearer', principal: 'service-account' };
  }
  if (scheme !== 'digest') {
    return { ok: false, problem: 'The Authorization scheme must be Bearer (service account) or Digest (API key).' };
  }
  const params = parseAuthParams(rest);
  if (!params) return { ok: false, problem: 'The Digest credentials are not a list of auth-params.' };
  const missing = requiredDigestParams.filter((name) => !params.get(name));
  if (missing.length > 0) return { ok: false, problem: `The Digest credentials lack ${missing.join(', ')}.` };
  const get = (name: (typeof requiredDigestParams)[number]) => params.get(name) as string;
  if (get('realm') !== digestAuth.realm)
    return { ok: false, problem: `The Digest realm must be "${digestAuth.realm}".` };
  if (get('qop') !== digestAuth.qop) return { ok: false, problem: `The Digest qop must be "${digestAuth.qop}".` };
  if (!hex8.test(get('nc'))) return { ok: false, problem: 'The Digest nc must be 8 hexadecimal digits.' };
  const algorithm = (params.get('algorithm') ?? 'MD5').toUpperCase();
  const length = digestHexLength[algorithm];
  if (!length)
    return { ok: false, problem: `The Digest algorithm must be one of ${digestAuth.algorithms.join(', ')}.` };
  const response = get('response').toLowerCase();
  if (response.length !== length || !/^[0-9a-f]+$/.test(response)) {
    return { ok: false, problem: `The Digest response must be a ${algorithm} digest (${length} hexadecimal digits).` };
  }
  const target = request.url.pathname + request.url.search;
  if (get('uri') !== target && get('uri') !== request.url.href) {
    return { ok: false, problem: 'The Digest uri is not the request-target of this request.' };
  }
  if (options.apiKeys) {
    const key = options.apiKeys.find((k) => k.publicKey === get('username'));
    if (!key) return { ok: false, problem: 'The API key is not valid.' };
    const ha1 = hash(algorithm, `${key.publicKey}:${digestAuth.realm}:${key.privateKey}`);
    const ha2 = hash(algorithm, `${request.method}:${get('uri')}`);
    const expected = hash(algorithm, `${ha1}:${get('nonce')}:${get('nc')}:${get('cnonce')}:${get('qop')}:${ha2}`);
    if (expected !== response) return { ok: false, problem: 'The Digest response does not match the API key.' };
  }
  return { ok: true, scheme: 'Digest', principal: get('username') };
}

/** The challenge of a 401 answer (RFC 7616 §3.3), with a deterministic nonce. */
export function digestChallenge(nonce: string): string {
  return `Digest realm="${digestAuth.realm}", domain="", nonce="${nonce}", algorithm=MD5, qop="${digestAuth.qop}", stale=false`;
}
