// `@atlas-kit/client/digest`: the HTTP Digest (RFC 7616) building blocks the client's digest auth
// uses, for code that signs requests itself. An entry of its own because in Node they load
// node:crypto and the WWW-Authenticate parser, which a client on OAuth or bearer never needs.
export { type AuthChallenge, parseAuthenticate } from './auth/challenge.ts';
export { type DigestChallenge, pickDigestChallenge } from './auth/digest-challenge.ts';
export { type DigestAlgorithm, type DigestInput, digestAuthorization, digestResponse } from './auth/digest-math.ts';
