// A pact file is published to a broker and committed: it must never carry a credential. The
// consumer matches Authorization by a pattern whose example is a dummy; this scan proves it.

/** The Authorization example recorded in the pact instead of whatever the client really sent. */
export const DUMMY_AUTHORIZATION = 'Bearer dummy-atlas-access-token';
/** The pattern a real Authorization header must match (an opaque bearer token, RFC 6750 b64token). */
export const AUTHORIZATION_PATTERN = '^Bearer [A-Za-z0-9\\-._~+/]+=*$';

export interface SecretFinding {
  kind: string;
  /** A short, redacted excerpt: never the secret itself. */
  excerpt: string;
}

const tokenLike: { kind: string; re: RegExp }[] = [
  { kind: 'JSON Web Token', re: /eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}/g },
  { kind: 'Atlas service-account secret', re: /mdb_sa_sk_[A-Za-z0-9_-]+/g },
  { kind: 'private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
  { kind: 'AWS access key id', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g },
  {
    kind: 'signed URL parameter',
    re: /[?&](signature|sig|x-amz-signature|x-amz-credential|token|access_token)=[^&"\s]+/gi,
  },
  { kind: 'Basic credentials', re: /\bBasic [A-Za-z0-9+/]{8,}=*/g },
  { kind: 'Digest response', re: /\bDigest [^\n]{0,500}?response=/g },
  { kind: 'bearer token', re: /\bBearer [A-Za-z0-9\-._~+/]+=*/g },
  // Atlas API private keys are UUIDs; nothing in a pact legitimately is one.
  {
    kind: 'UUID (the form of an Atlas API private key)',
    re: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  },
  { kind: 'long hex string', re: /\b[0-9a-f]{32,}\b/gi },
  // Long runs of token alphabet mixing upper case, lower case and digits: API keys, secrets,
  // session ids. Error codes (upper case only), ObjectIds (24 hex) and words do not qualify;
  // `/` is left out so that URL paths do not join up.
  {
    kind: 'long token-like string',
    re: /(?=[A-Za-z0-9+=_-]*[a-z])(?=[A-Za-z0-9+=_-]*[A-Z])(?=[A-Za-z0-9+=_-]*\d)[A-Za-z0-9+=_-]{32,}/g,
  },
];

function redact(match: string): string {
  return match.length <= 8 ? '***' : `${match.slice(0, 6)}…(${match.length} chars)`;
}

/** Finds known secrets (verbatim or base64) and token-like strings in a pact file's text. */
export function scanForSecrets(text: string, knownSecrets: string[]): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const secret of knownSecrets) {
    if (!secret) continue;
    for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) {
      if (text.includes(form)) findings.push({ kind: 'a secret the client was given', excerpt: redact(form) });
    }
  }
  for (const { kind, re } of tokenLike) {
    for (const m of text.matchAll(re)) {
      if (m[0] === DUMMY_AUTHORIZATION) continue;
      findings.push({ kind, excerpt: redact(m[0]) });
    }
  }
  return findings;
}
