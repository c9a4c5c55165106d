// Every auth type refuses a missing credential when the client is made, before anything is sent:
// names and tokens also when blank, secrets only when empty (a secret may contain spaces).
import { describe, expect, it } from 'vitest';
import { createAtlasClient } from '../src/index.ts';

const refused = (option: string) => `createAtlasClient: auth.${option} must be a non-empty string`;

describe('credentials checked when the client is made', () => {
  it('bearer: an empty or blank token', () => {
    for (const token of ['', '  ']) {
      expect(() => createAtlasClient({ auth: { type: 'bearer', token } })).toThrow(refused('token'));
    }
  });

  it('digest: a blank public key, an empty private key; a private key of spaces is a key', () => {
    expect(() => createAtlasClient({ auth: { type: 'digest', publicKey: ' ', privateKey: 'k' } })).toThrow(
      refused('publicKey'),
    );
    expect(() => createAtlasClient({ auth: { type: 'digest', publicKey: 'p', privateKey: '' } })).toThrow(
      refused('privateKey'),
    );
    expect(() => createAtlasClient({ auth: { type: 'digest', publicKey: 'p', privateKey: '  ' } })).not.toThrow();
  });

  it('service account: a blank client ID; a client secret of spaces is a secret', () => {
    expect(() => createAtlasClient({ auth: { type: 'serviceAccount', clientId: ' ', clientSecret: 'x' } })).toThrow(
      refused('clientId'),
    );
    expect(() =>
      createAtlasClient({ auth: { type: 'serviceAccount', clientId: 'x', clientSecret: '  ' } }),
    ).not.toThrow();
  });

  it('a value that is no string at all', () => {
    const auth = { type: 'bearer', token: 42 } as unknown as { type: 'bearer'; token: string };
    expect(() => createAtlasClient({ auth })).toThrow(refused('token'));
  });
});
