// Parser for `WWW-Authenticate` (RFC 9110 §11.6.1): one or more challenges, each `scheme` followed
// by a token68 or comma-separated `name=value` auth-params. The grammar lives in
// @atlas-kit/http-auth, shared with the mocks (which read Authorization credentials with it);
// this module keeps the client's name for it. Strict: a malformed header gives no challenge, and
// the 401 is then reported as it is.
export { type AuthChallenge, parseChallenges as parseAuthenticate } from '@atlas-kit/http-auth';
