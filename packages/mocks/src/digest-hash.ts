// The digests of RFC 7616 §3.4.1 (MD5 or SHA-256, as lowercase hex), for checking Digest
// credentials against `auth.apiKeys`. @noble/hashes because Web Crypto has no MD5 and the
// handlers run in a browser too. auth.ts imports this module only when it verifies a digest.
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const digestHex = (algorithm: 'MD5' | 'SHA-256', text: string): string =>
  bytesToHex((algorithm === 'SHA-256' ? sha256 : md5)(utf8ToBytes(text)));
