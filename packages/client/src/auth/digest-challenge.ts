// Which of the challenges of a 401 to answer with Digest (used by the Digest middleware, and
// exported for callers that sign requests themselves).
import { parseAuthenticate } from './challenge.ts';
import { type DigestAlgorithm, digestAlgorithms, isDigestAlgorithm } from './digest-math.ts';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: DigestAlgorithm;
  qop?: 'auth';
  stale: boolean;
}

// Strongest first: the order of digestAlgorithms.
export const preference: readonly DigestAlgorithm[] = digestAlgorithms;

/**
 * The challenge to answer among those of a WWW-Authenticate header: Digest, an algorithm we
 * support (SHA-256 preferred over MD5), `qop=auth` when the server names any qop.
 * Returns `{ unsupported }` when there are Digest challenges but none can be answered.
 */
export function pickDigestChallenge(header: string | null): DigestChallenge | { unsupported: string } | undefined {
  const digests = parseAuthenticate(header).filter((c) => c.scheme === 'digest');
  if (digests.length === 0) return undefined;
  const usable: DigestChallenge[] = [];
  const seen: string[] = [];
  for (const { params } of digests) {
    const algorithm = (params.algorithm ?? 'MD5').toUpperCase().replace(/-SESS$/, '-sess');
    const qops = params.qop?.split(',').map((q) => q.trim().toLowerCase());
    seen.push(`${algorithm}${qops ? ` qop=${qops.join('/')}` : ''}`);
    if (!isDigestAlgorithm(algorithm) || !params.realm || !params.nonce) continue;
    if (qops && !qops.includes('auth')) continue;
    usable.push({
      realm: params.realm,
      nonce: params.nonce,
      ...(params.opaque !== undefined ? { opaque: params.opaque } : {}),
      algorithm,
      ...(qops ? { qop: 'auth' as const } : {}),
      stale: params.stale?.toLowerCase() === 'true',
    });
  }
  usable.sort((a, b) => preference.indexOf(a.algorithm) - preference.indexOf(b.algorithm));
  return usable[0] ?? { unsupported: seen.join(', ') };
}
