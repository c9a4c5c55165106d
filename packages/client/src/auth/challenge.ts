// Parser for `WWW-Authenticate` (RFC 9110 §11.6.1): one or more challenges, each `scheme` followed
// by a token68 or comma-separated `name=value` auth-params. The grammar lives in
// @atlas-kit/http-auth, shared with the mocks (which read Authorization credentials with it);
// this module keeps the client's name for it. Strict: a malformed header gives no challenge, and
// the 401 is then reported as it is.
import { type AuthChallenge, parseChallenges } from '@atlas-kit/http-auth';

export type { AuthChallenge };

export function parseAuthenticate(header: string | null | undefined): AuthChallenge[] {
  return parseChallenges(header);
}
