import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { hashHex as nodeHash } from '../src/auth/digest-hash.node.ts';
import { hashHex as nobleHash } from '../src/auth/digest-hash.ts';
import { digestAuthorization, digestResponse, parseAuthenticate, pickDigestChallenge } from '../src/digest.ts';

const packageDir = join(import.meta.dirname, '..');

// RFC 7616 §3.9.1 — the example of the RFC, in both algorithms.
const rfc = {
  username: 'Mufasa',
  password: 'Circle of Life',
  realm: 'http-auth@example.org',
  method: 'GET',
  uri: '/dir/index.html',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  nc: '00000001',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  qop: 'auth' as const,
};

describe('digest math (RFC 7616 §3.9.1 vectors)', () => {
  it('MD5 response', () => {
    expect(digestResponse({ ...rfc, algorithm: 'MD5' })).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });
  it('SHA-256 response', () => {
    expect(digestResponse({ ...rfc, algorithm: 'SHA-256' })).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });
  it('depends on method, uri, nc and cnonce', () => {
    const base = digestResponse({ ...rfc, algorithm: 'SHA-256' });
    expect(digestResponse({ ...rfc, algorithm: 'SHA-256', method: 'POST' })).not.toBe(base);
    expect(digestResponse({ ...rfc, algorithm: 'SHA-256', uri: '/dir/index.html?x=1' })).not.toBe(base);
    expect(digestResponse({ ...rfc, algorithm: 'SHA-256', nc: '00000002' })).not.toBe(base);
    expect(digestResponse({ ...rfc, algorithm: 'SHA-256', cnonce: 'other' })).not.toBe(base);
  });
  it('builds the Authorization header of the RFC example (SHA-256) without the password', () => {
    const header = digestAuthorization({
      ...rfc,
      algorithm: 'SHA-256',
      opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
      response: digestResponse({ ...rfc, algorithm: 'SHA-256' }),
    });
    expect(header).toMatch(/^Digest /);
    expect(header).toContain('username="Mufasa"');
    expect(header).toContain('realm="http-auth@example.org"');
    expect(header).toContain('uri="/dir/index.html"');
    expect(header).toContain('algorithm=SHA-256');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"');
    expect(header).toContain('qop=auth');
    expect(header).toContain('response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"');
    expect(header).toContain('opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
    expect(header).not.toContain('Circle of Life');
  });
});

// #digest-hash is node:crypto in Node and @noble/hashes elsewhere (package.json "imports"): both
// give the published digests, and the same ones for any text (the RFC vectors above ran on Node's).
describe('the two hash implementations', () => {
  const implementations = { 'node:crypto': nodeHash, '@noble/hashes': nobleHash };
  it.each(Object.entries(implementations))('%s: MD5 and SHA-256 of "abc" (RFC 1321, FIPS 180-2)', (_name, hashHex) => {
    expect(hashHex('MD5', 'abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hashHex('SHA-256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agree on UTF-8 text (a password with non-ASCII characters)', () => {
    for (const algorithm of ['MD5', 'SHA-256'] as const) {
      const text = 'Mufasa:http-auth@example.org:Cïrclé of Lífe ☃ 𝄞';
      expect(nobleHash(algorithm, text)).toBe(nodeHash(algorithm, text));
    }
  });

  // Resolved by the tools themselves, from the package's own folder: Node, and rolldown bundling for
  // the browser as a frontend build does (on the sources: dist/ may not be built when tests run).
  it('Node resolves #digest-hash to node:crypto, a browser bundle to @noble/hashes', async () => {
    const resolveInNode = (conditions: string[]) =>
      execFileSync(
        process.execPath,
        [...conditions, '--input-type=module', '-e', "console.log(import.meta.resolve('#digest-hash'))"],
        { cwd: packageDir, encoding: 'utf8' },
      ).trim();
    expect(resolveInNode(['--conditions=@atlas-kit/source'])).toBe(
      pathToFileURL(join(packageDir, 'src/auth/digest-hash.node.ts')).href,
    );

    const bundle = await rolldown({
      input: join(packageDir, 'src/auth/digest-math.ts'),
      platform: 'browser',
      resolve: { conditionNames: ['@atlas-kit/source', 'browser', 'import', 'default'] },
      logLevel: 'silent',
    });
    const { output } = await bundle.generate({ format: 'esm' });
    await bundle.close();
    const modules = output.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []));
    expect(modules).toContain(join(packageDir, 'src/auth/digest-hash.ts'));
    expect(modules.some((id) => id.includes('@noble/hashes'))).toBe(true);
    expect(modules.some((id) => id.endsWith('digest-hash.node.ts') || id === 'node:crypto')).toBe(false);
  });
});

describe('WWW-Authenticate parsing', () => {
  // The two challenges of RFC 7616 §3.9.1, as one header (fetch joins repeated lines with ", ").
  const header =
    'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, ' +
    'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", ' +
    'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, ' +
    'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';

  it('splits several challenges and keeps commas inside quoted values', () => {
    const parsed = parseAuthenticate(`${header}, Basic realm="a, b", Negotiate abc==`);
    expect(parsed.map((c) => c.scheme)).toEqual(['digest', 'digest', 'basic', 'negotiate']);
    expect(parsed[0]?.params.qop).toBe('auth, auth-int');
    expect(parsed[1]?.params.algorithm).toBe('MD5');
    expect(parsed[2]?.params.realm).toBe('a, b');
    expect(parsed[3]?.token68).toBe('abc==');
  });

  it('unescapes quoted-pairs', () => {
    expect(parseAuthenticate('Digest realm="a\\"b", nonce=x')[0]?.params).toEqual({ realm: 'a"b', nonce: 'x' });
  });

  it('prefers SHA-256 over MD5 and picks qop=auth', () => {
    expect(pickDigestChallenge(header)).toMatchObject({ algorithm: 'SHA-256', qop: 'auth', stale: false });
  });

  it('reads stale=true (case-insensitively) and defaults the algorithm to MD5', () => {
    expect(pickDigestChallenge('Digest realm="MMS Public API", nonce="n2", qop="auth", stale=TRUE')).toMatchObject({
      algorithm: 'MD5',
      nonce: 'n2',
      stale: true,
    });
  });

  it('says which challenges it cannot answer, and ignores non-digest ones', () => {
    expect(pickDigestChallenge('Digest realm="r", nonce="n", algorithm=SHA-512-256, qop="auth"')).toEqual({
      unsupported: 'SHA-512-256 qop=auth',
    });
    expect(pickDigestChallenge('Digest realm="r", nonce="n", qop="auth-int"')).toEqual({
      unsupported: 'MD5 qop=auth-int',
    });
    expect(pickDigestChallenge('Bearer realm="atlas"')).toBeUndefined();
    expect(pickDigestChallenge(null)).toBeUndefined();
  });
});
