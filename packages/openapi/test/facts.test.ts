import { describe, expect, it } from 'vitest';
import { atlasDocument } from '../src/documents.ts';
import { documentedErrorCode, documentedStatusErrorCode, oauthTokenPath, oauthTokenUrl } from '../src/facts.ts';
import { atlasServerUrl, operationIds } from '../src/operation.ts';

describe('facts read from the spec', () => {
  it('the service-account token endpoint is the ServiceAccounts clientCredentials tokenUrl', () => {
    expect(oauthTokenUrl).toBe(
      atlasDocument.components.securitySchemes?.ServiceAccounts?.flows?.clientCredentials?.tokenUrl,
    );
    expect(oauthTokenPath.startsWith('/')).toBe(true);
    // Resolving the path against the spec's own server gives the spec's URL back.
    expect(`${atlasServerUrl.replace(/\/+$/, '')}${oauthTokenPath}`).toBe(oauthTokenUrl);
    expect(oauthTokenPath).toBe('/api/oauth/token');
  });

  it("documentedErrorCode reads the example of an operation's answer, through $ref", () => {
    // 410 is documented by the overlay on the deprecated tenant operations only.
    expect(documentedErrorCode('downloadClusterBackupTenant', 410)).toBe('VERSION_GONE');
    expect(documentedErrorCode('downloadFlexBackup', 410)).toBeUndefined();
    // 429 is `$ref: '#/components/responses/tooManyRequests'`.
    for (const id of operationIds()) expect(documentedErrorCode(id, '429')).toBe('RATE_LIMITED');
    expect(() => documentedErrorCode('noSuchOperation', 429)).toThrow(/noSuchOperation/);
  });

  it('documentedStatusErrorCode: the one code the spec gives for a status across operations', () => {
    expect(documentedStatusErrorCode(410)).toBe('VERSION_GONE');
    expect(documentedStatusErrorCode(429)).toBe('RATE_LIMITED');
    expect(() => documentedStatusErrorCode(299)).toThrow(
      'no operation of the spec documents an error code for HTTP 299',
    );
  });
});
