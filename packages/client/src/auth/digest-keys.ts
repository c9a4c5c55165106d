import { requireCredential } from './credential.ts';
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
  const publicKey = requireCredential(options.publicKey, 'publicKey', 'name');
  const privateKey = requireCredential(options.privateKey, 'privateKey', 'secret');
  ctx.redactor.add(privateKey);
  return { publicKey, privateKey };
}
