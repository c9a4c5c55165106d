// MD5 and SHA-256 as hex, for Digest (digest-math.ts), where no node:crypto is: browsers and other
// runtimes. From @noble/hashes (audited, no dependencies): Web Crypto has SHA-256 but no MD5, and
// only asynchronously. Node gets digest-hash.node.ts instead (package.json "imports", #digest-hash).
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function hashHex(algorithm: 'MD5' | 'SHA-256', text: string): string {
  const bytes = utf8ToBytes(text);
  return bytesToHex(algorithm === 'SHA-256' ? sha256(bytes) : md5(bytes));
}
