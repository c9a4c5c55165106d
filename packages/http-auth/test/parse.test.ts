// The auth-param grammar: what both sides of the kit parse (client: challenges, mocks: credentials).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChallenges, parseCredentials } from '../src/index.ts';

const plain = (c: { scheme: string; params: Record<string, string>; token68?: string } | undefined) =>
  c && { scheme: c.scheme, params: { ...c.params }, ...(c.token68 !== undefined ? { token68: c.token68 } : {}) };

describe('parseChallenges (WWW-Authenticate)', () => {
  it('reads RFC 9110 §11.6.1’s example: two challenges, commas and escapes inside quotes', () => {
    const parsed = parseChallenges('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"');
    expect(parsed.map(plain)).toEqual([
      { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'basic', params: { realm: 'simple' } },
    ]);
  });

  it('reads the two Digest challenges of RFC 7616 §3.9.1 joined as fetch joins repeated lines', () => {
    const sha =
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf", opaque="FQhe"';
    const md5 =
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf", opaque="FQhe"';
    const parsed = parseChallenges(`${sha}, ${md5}`);
    expect(parsed.map((c) => c.params.algorithm)).toEqual(['SHA-256', 'MD5']);
    expect(parsed[0]?.params.qop).toBe('auth, auth-int');
  });

  it('reads token68 and bare schemes, and empty list elements', () => {
    expect(parseChallenges(', Negotiate abc==, , Bearer').map(plain)).toEqual([
      { scheme: 'negotiate', params: {}, token68: 'abc==' },
      { scheme: 'bearer', params: {} },
    ]);
  });

  it.each([
    ['an unclosed quote', 'Digest realm="x'],
    ['a parameter named twice', 'Digest realm="a", REALM="b"'],
    ['text after a value', 'Digest realm="a" nonce="b"'],
    ['a control character in a quoted value', 'Digest realm="a\u0001b"'],
    ['a value that is no token', 'Digest realm=a b'],
    ['a stray character', 'Digest realm="a", ;'],
    ['a tab instead of SP after the scheme', 'Digest\trealm="a"'],
  ])('is [] for %s', (_name, value) => {
    expect(parseChallenges(value)).toEqual([]);
  });

  it('keeps __proto__ and constructor as data', () => {
    const [c] = parseChallenges('Digest __proto__="x", constructor=y');
    expect(Object.entries(c?.params ?? {})).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    expect(Object.getPrototypeOf(c?.params)).toBeNull();
  });
});

describe('parseCredentials (Authorization)', () => {
  it('reads Bearer token68 and Digest params', () => {
    expect(plain(parseCredentials('Bearer abc.DEF-123~+/=='))).toEqual({
      scheme: 'bearer',
      params: {},
      token68: 'abc.DEF-123~+/==',
    });
    const digest = parseCredentials('Digest username="pub", realm="MMS Public API", nc=00000001, uri="/a?b=c, d"');
    expect(plain(digest)?.params).toEqual({
      username: 'pub',
      realm: 'MMS Public API',
      nc: '00000001',
      uri: '/a?b=c, d',
    });
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['two tokens', 'Bearer a b'],
    ['two schemes', 'Digest a=b, Basic c=d'],
    ['a bad token68 character', 'Bearer a!b'],
    ['a parameter named twice', 'Digest a=1, a=2'],
    ['an unclosed quote', 'Digest a="1'],
    ['a missing value', 'Digest a=, b=1'],
  ])('is undefined for %s', (_name, value) => {
    expect(parseCredentials(value)).toBeUndefined();
  });
});

// Property: what a well-behaved sender writes (tokens, quoted strings with escapes) reads back.
const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const text = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 20,
});
const quote = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
const challenge = fc.record({
  scheme: token,
  params: fc.uniqueArray(fc.tuple(token, text, fc.boolean()), {
    maxLength: 4,
    selector: ([name]) => name.toLowerCase(),
  }),
});

describe('property', () => {
  it('challenges written by the grammar parse back to what was written', () => {
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 3 }), (list) => {
        const written = list
          .map(({ scheme, params }) => {
            const ps = params.map(
              ([n, v, quoted]) => `${n}=${quoted || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(v) ? quote(v) : v}`,
            );
            return ps.length ? `${scheme} ${ps.join(', ')}` : scheme;
          })
          .join(', ');
        const parsed = parseChallenges(written);
        expect(parsed.map(plain)).toEqual(
          list.map(({ scheme, params }) => ({
            scheme: scheme.toLowerCase(),
            params: Object.fromEntries(params.map(([n, v]) => [n.toLowerCase(), v])),
          })),
        );
      }),
      { numRuns: 500, seed: Number(process.env.FC_SEED ?? 20260122) },
    );
  });

  it('the Bearer shortcut agrees with the grammar', () => {
    const b64 = fc.stringMatching(/^[A-Za-z0-9\-._~+/]{1,20}={0,2}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('Bearer', 'bearer', 'BEARER', 'bEaReR'),
        fc.integer({ min: 1, max: 3 }),
        b64,
        (s, sp, t) => {
          expect(plain(parseCredentials(`${s}${' '.repeat(sp)}${t}`))).toEqual({
            scheme: 'bearer',
            params: {},
            token68: t,
          });
          expect(parseCredentials(`${s}${' '.repeat(sp)}${t} "`)).toBeUndefined();
        },
      ),
      { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20260122) },
    );
  });

  it('never throws on any input, and credentials are never more than one scheme', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        parseChallenges(value);
        const c = parseCredentials(value);
        // One scheme: a single token, and either a token68 or auth-params, never both.
        if (c) {
          expect(c.scheme).toMatch(/^[!#$%&'*+.^_`|~0-9a-z-]+$/);
          expect(c.token68 === undefined || Object.keys(c.params).length === 0).toBe(true);
        }
      }),
      { numRuns: 2000, seed: Number(process.env.FC_SEED ?? 20260122) },
    );
  });
});
