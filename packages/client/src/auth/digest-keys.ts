import type { AuthContext } from './types.ts';

export interface DigestOptions {
  publicKey: string;
  privateKey: string;
}

/**
 * The key pair of Digest auth, checked (and the private key given to the redactor) when the client
 * is made: the Digest middleware itself, with the hashing, is loaded afterwards (auth/index.ts).
 */
export function checkDigestKeys(options: DigestOptions, ctx: AuthContext): DigestOptions {
  const { publicKey, privateKey } = options;
  if (typeof publicKey !== 'string' || publicKey.trim() === '') {
    throw new TypeError('createAtlasClient: auth.publicKey must be a non-empty string');
  }
  if (typeof privateKey !== 'string' || privateKey === '') {
    throw new TypeError('createAtlasClient: auth.privateKey must be a non-empty string');
  }
  ctx.redactor.add(privateKey);
  return { publicKey, privateKey };
}
