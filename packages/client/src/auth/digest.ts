// API-key auth with HTTP Digest (RFC 7616), as openapi-fetch middleware.
//
// Why hand-written (the registry was checked first): digest-fetch 3.1.1 is a fetch wrapper, not
// middleware; it fixes the algorithm at construction instead of taking it from the challenge,
// parses the challenge with one regex per field, ignores `stale`, computes the method as GET
// for a Request object (a POST would be signed as GET), and pulls in md5/js-sha256/base-64.
// digest-header 1.1.0 is MD5-only with a process-wide nc counter; @mreal/digest-auth has no
// SHA-256. The hashes themselves come from node:crypto or @noble/hashes (see digest-math.ts).
//
// Loaded with import() by auth/index.ts for a client with `auth.type: 'digest'` only (in a
// browser bundle with the hashes); the keys are checked when the client is made.
//
// Behaviour: the first request goes out without credentials; the 401 challenge is answered and
// the request resent once. The server's nonce is then reused for later requests (nc counting up,
// a fresh cnonce each time) until a 401 says `stale=true`, when the new nonce is taken and the
// request resent once. A 401 without `stale` on a request that carried credentials means the
// key pair is wrong: it is reported, not retried.
import { AtlasAuthError } from '../errors.ts';
import { type DigestChallenge, pickDigestChallenge, preference } from './digest-challenge.ts';
import type { DigestOptions } from './digest-keys.ts';
import { digestAuthorization, digestResponse, makeCnonce } from './digest-math.ts';
import { createReplayStore, discard } from './replay.ts';
import type { AuthContext, AuthMiddleware } from './types.ts';

/** `options`: the keys as auth/index.ts checked them when the client was made. */
export function digestMiddleware(options: DigestOptions, ctx: AuthContext): AuthMiddleware {
  const { publicKey, privateKey } = options;

  let challenge: DigestChallenge | undefined;
  // nc counts the requests signed with one nonce (RFC 7616 §3.4): it restarts only for a new
  // nonce. Several calls that went out before any challenge was known each get a 401 for the
  // same nonce; restarting on each of those would send nc=00000001 several times, which a
  // server rightly takes for a replay. `countedNonce` outlives `challenge` being cleared.
  let nc = 0;
  let countedNonce: string | undefined;
  const replays = createReplayStore(ctx.calls);
  const signed = new WeakSet<Request>();

  const sign = (request: Request, c: DigestChallenge) => {
    nc += 1;
    const url = new URL(request.url);
    const fields = {
      algorithm: c.algorithm,
      username: publicKey,
      password: privateKey,
      realm: c.realm,
      method: request.method,
      uri: `${url.pathname}${url.search}`,
      nonce: c.nonce,
      nc: nc.toString(16).padStart(8, '0'),
      cnonce: makeCnonce(),
      ...(c.qop ? { qop: c.qop } : {}),
    };
    const { password: _password, ...visible } = fields;
    const opaque = c.opaque !== undefined ? { opaque: c.opaque } : {};
    request.headers.set(
      'Authorization',
      digestAuthorization({ ...visible, ...opaque, response: digestResponse(fields) }),
    );
    signed.add(request);
  };

  return {
    onRequest({ request, params }) {
      replays.keep(request, params);
      if (challenge) sign(request, challenge);
      return request;
    },
    async onResponse({ request, response, options, params }) {
      if (response.status !== 401) return undefined;
      const copy = replays.take(request, params);
      if (!copy) return undefined;
      const picked = pickDigestChallenge(response.headers.get('WWW-Authenticate'));
      if (picked === undefined) return undefined; // not a digest challenge: report the 401 as it is
      if ('unsupported' in picked) {
        await discard(response);
        throw new AtlasAuthError(
          `the server's digest challenge cannot be answered (offered: ${picked.unsupported}; supported: ${preference.join(', ')} with qop=auth)`,
          { status: 401 },
        );
      }
      const wasSigned = signed.has(request);
      if (wasSigned && !picked.stale) {
        // Credentials were sent with a current nonce and refused: the key pair is wrong.
        challenge = undefined;
        return undefined;
      }
      ctx.debug(
        wasSigned
          ? '401 stale=true: taking the new nonce and resending once'
          : '401 digest challenge: answering it and resending once',
      );
      if (picked.nonce !== countedNonce) {
        countedNonce = picked.nonce;
        nc = 0;
      }
      challenge = picked;
      await discard(response);
      sign(copy, picked);
      return options.fetch(copy);
    },
    onError({ request }) {
      replays.drop(request);
      return undefined;
    },
  };
}
