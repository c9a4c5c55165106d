import { describe, expect, it } from 'vitest';
import { DUMMY_AUTHORIZATION, scanForSecrets } from '../../src/secrets.ts';

// The scan guards every committed and published pact; it must catch each kind it claims to.
describe('scanForSecrets', () => {
  const planted: [string, string][] = [
    ['a secret the client was given', 's3cr3t-value-the-client-used'],
    ['JSON Web Token', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZGJfc2EifQ.c2ln'],
    ['Atlas service-account secret', 'mdb_sa_sk_abcdef0123456789'],
    ['private key', '-----BEGIN RSA PRIVATE KEY-----'],
    ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['signed URL parameter', 'https://dl.example/x.tgz?expires=1&signature=3f9c0a1d7e'],
    ['Basic credentials', 'Basic dXNlcjpwYXNzd29yZA=='],
    ['Digest response', 'Digest username="k", realm="MMS Public API", response="0a1b"'],
    ['bearer token', 'Bearer a-real-looking-token'],
    ['UUID (the form of an Atlas API private key)', '8f14e45f-ceea-467f-a0e6-1b2b3c4d5e6f'],
    ['long hex string', '0123456789abcdef0123456789abcdef01'],
    ['long token-like string', 'q7Vm2XrT9LbW4kZs8NdP3hGy6Aa1Bb2Cc3'],
  ];
  it.each(planted)('finds: %s', (kind, text) => {
    const findings = scanForSecrets(`{"x": "${text.replaceAll('"', '\\"')}"}`, ['s3cr3t-value-the-client-used']);
    expect(findings.map((f) => f.kind)).toContain(kind);
    // The finding never repeats the secret.
    for (const f of findings) expect(f.excerpt).not.toBe(text);
  });

  it('finds a known secret in base64 form too', () => {
    const secret = 'client-id:client-secret';
    expect(scanForSecrets(Buffer.from(secret).toString('base64'), [secret]).map((f) => f.kind)).toContain(
      'a secret the client was given',
    );
  });

  it('lets through what a clean pact holds: the dummy, ObjectIds, error codes, dates, URLs', () => {
    const clean = JSON.stringify({
      Authorization: DUMMY_AUTHORIZATION,
      id: '6561d2f4c8ff4d3a1f2eab12',
      errorCode: 'CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY',
      date: '2025-11-25T14:17:41Z',
      url: 'https://snapshots.example.com/tenant/6561d2f4c8ff4d3a1f2eab12/Cluster0-2025-11-25T050012Z.tar.gz',
      regex: '^Bearer [A-Za-z0-9\\-._~+/]+=*$',
    });
    expect(scanForSecrets(clean, [])).toEqual([]);
  });
});
