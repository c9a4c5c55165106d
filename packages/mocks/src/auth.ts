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
// The auth-param grammar is @atlas-kit/http-auth's, shared with the client (strict: a malformed
// value is refused whole, never half-read).

import { parseCredentials } from '@atlas-kit/http-auth';
import { digestAuth } from './documented-facts.ts';

export interface AuthOptions {
  /** Accept only these Bearer tokens (default: any well-formed token). */
  bearerTokens?: readonly string[];
  /** Verify Digest credentials against these API keys (default: any well-formed Digest credentials). */
  apiKeys?: readonly { publicKey: string; privateKey: string }[];
}

export type AuthResult = { ok: true; scheme: 'Bearer' | 'Digest'; principal: string } | { ok: false; problem: string };

const hex8 = /^[0-9a-fA-F]{8}$/;
const digestHexLength: Record<string, number> = { MD5: 32, 'SHA-256': 64 };
const requiredDigestParams = ['username', 'realm', 'nonce', 'uri', 'response', 'qop', 'nc', 'cnonce'] as const;

/**
 * RFC 7616 §3.4.1: the response a client holding `key` would send. The hash functions are loaded
 * on the first such check: most setups never verify a digest, and loading @noble/hashes (five
 * modules) was a sixth of what importing the mocks cost a cold process.
 */
async function verifyDigest(
  algorithm: 'MD5' | 'SHA-256',
  key: { publicKey: string; privateKey: string },
  method: string,
  get: (name: (typeof requiredDigestParams)[number]) => string,
  response: string,
): Promise<AuthResult> {
  const { digestHex } = await import('./digest-hash.ts');
  const ha1 = digestHex(algorithm, `${key.publicKey}:${digestAuth.realm}:${key.privateKey}`);
  const ha2 = digestHex(algorithm, `${method}:${get('uri')}`);
  const expected = digestHex(algorithm, `${ha1}:${get('nonce')}:${get('nc')}:${get('cnonce')}:${get('qop')}:${ha2}`);
  if (expected !== response) return { ok: false, problem: 'The Digest response does not match the API key.' };
  return { ok: true, scheme: 'Digest', principal: get('username') };
}

export function checkAuthorization(
  header: string | null,
  /** `url` is read only for a Digest check (a getter may parse it then). */
  target: { readonly request: { readonly method: string }; readonly url: URL },
  options: AuthOptions = {},
): AuthResult | Promise<AuthResult> {
  if (!header?.trim()) return { ok: false, problem: 'The Authorization header is missing.' };
  const credentials = parseCredentials(header);
  const scheme = credentials?.scheme ?? header.trim().split(' ', 1)[0]?.toLowerCase();
  if (scheme === 'bearer') {
    // RFC 6750 §2.1: exactly one b64token, which is the token68 form.
    const token = credentials?.token68;
    if (token === undefined) return { ok: false, problem: 'The Bearer credentials are not one RFC 6750 token.' };
    if (options.bearerTokens && !options.bearerTokens.includes(token)) {
      return { ok: false, problem: 'The Bearer token is not valid.' };
    }
    return { ok: true, scheme: 'Bearer', principal: 'service-account' };
  }
  if (scheme !== 'digest') {
    return { ok: false, problem: 'The Authorization scheme must be Bearer (service account) or Digest (API key).' };
  }
  if (!credentials || credentials.token68 !== undefined) {
    return { ok: false, problem: 'The Digest credentials are not a list of auth-params.' };
  }
  const params = credentials.params;
  const missing = requiredDigestParams.filter((name) => !params[name]);
  if (missing.length > 0) return { ok: false, problem: `The Digest credentials lack ${missing.join(', ')}.` };
  const get = (name: (typeof requiredDigestParams)[number]) => params[name] as string;
  if (get('realm') !== digestAuth.realm)
    return { ok: false, problem: `The Digest realm must be "${digestAuth.realm}".` };
  if (get('qop') !== digestAuth.qop) return { ok: false, problem: `The Digest qop must be "${digestAuth.qop}".` };
  if (!hex8.test(get('nc'))) return { ok: false, problem: 'The Digest nc must be 8 hexadecimal digits.' };
  const algorithm = (params.algorithm ?? 'MD5').toUpperCase();
  const length = digestHexLength[algorithm];
  if (!length)
    return { ok: false, problem: `The Digest algorithm must be one of ${digestAuth.algorithms.join(', ')}.` };
  const response = get('response').toLowerCase();
  if (response.length !== length || !/^[0-9a-f]+$/.test(response)) {
    return { ok: false, problem: `The Digest response must be a ${algorithm} digest (${length} hexadecimal digits).` };
  }
  const url = target.url;
  if (get('uri') !== url.pathname + url.search && get('uri') !== url.href) {
    return { ok: false, problem: 'The Digest uri is not the request-target of this request.' };
  }
  if (options.apiKeys) {
    const key = options.apiKeys.find((k) => k.publicKey === get('username'));
    if (!key) return { ok: false, problem: 'The API key is not valid.' };
    return verifyDigest(algorithm as 'MD5' | 'SHA-256', key, target.request.method, get, response);
  }
  return { ok: true, scheme: 'Digest', principal: get('username') };
}

/** The challenge of a 401 answer (RFC 7616 §3.3), with a deterministic nonce. */
export function digestChallenge(nonce: string): string {
  return `Digest realm="${digestAuth.realm}", domain="", nonce="${nonce}", algorithm=MD5, qop="${digestAuth.qop}", stale=false`;
}
