// MD5 and SHA-256 as hex, for Digest (digest-math.ts), in Node: its own node:crypto (OpenSSL),
// which is there anyway, rather than loading and compiling a JavaScript implementation with every
// import of the client. Chosen by the `node` condition of package.json "imports" (#digest-hash);
// elsewhere digest-hash.ts (@noble/hashes) answers, with the same results (test/digest-math.test.ts).
import { createHash } from 'node:crypto';

export function hashHex(algorithm: 'MD5' | 'SHA-256', text: string): string {
  return createHash(algorithm === 'SHA-256' ? 'sha256' : 'md5')
    .update(text, 'utf8')
    .digest('hex');
}
