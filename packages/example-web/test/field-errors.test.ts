import { AtlasApiError, AtlasAuthError, AtlasNetworkError, AtlasValidationError } from '@atlas-kit/client';
import { describe, expect, test } from 'vitest';
import { FormCheckError, fieldKeyOf, fieldProblems } from '../src/field-errors.ts';

describe('fieldKeyOf', () => {
  test.each([
    ['groupId', 'groupId'],
    ['body.snapshotId', 'snapshotId'],
    ['/snapshotId', 'snapshotId'],
    ['targetDeploymentItemName', 'clusterName'],
    ['name', 'clusterName'],
    ['instanceName', 'clusterName'],
  ])('%s → %s', (raw, key) => expect(fieldKeyOf(raw)).toBe(key));

  test.each(['Content-Type', 'requestBody', 'envelope', '', 'constructor', 'toString'])('%s matches no input', (raw) =>
    expect(fieldKeyOf(raw)).toBeUndefined(),
  );
});

describe('fieldProblems', () => {
  test("the client's validation issues land on their inputs", () => {
    const error = new AtlasValidationError('downloadClusterBackupTenant', [
      { field: 'groupId', location: 'path', message: 'must match pattern "^([a-f0-9]{24})$"' },
      { field: 'snapshotId', location: 'body', message: 'is required' },
      { field: 'pollIntervalMs', location: 'body', message: 'must be a number ≥ 0' },
    ]);
    const p = fieldProblems(error);
    // The client's wording quotes patterns: the field gets the page's words (kind), not the message.
    expect(p.fields.groupId).toEqual([{ origin: 'client', kind: 'invalid' }]);
    expect(p.fields.snapshotId).toEqual([{ origin: 'client', kind: 'invalid' }]);
    expect(p.fields.clusterName).toBeUndefined();
    expect(p.unmatched).toEqual([{ field: 'pollIntervalMs', origin: 'client', detail: 'must be a number ≥ 0' }]);
  });

  test("Atlas' badRequestDetail.fields land on their inputs; the rest stays form-level", () => {
    const error = new AtlasApiError({
      operationId: 'downloadClusterBackupTenant',
      status: 400,
      errorCode: 'VALIDATION_ERROR',
      badRequestDetail: {
        fields: [
          { field: 'snapshotId', description: 'No snapshot with this ID.' },
          { field: 'Content-Type', description: 'Content-Type must be the versioned type.' },
        ],
      },
      rateLimit: {},
    });
    const p = fieldProblems(error);
    expect(p.fields).toEqual({
      snapshotId: [{ origin: 'atlas', kind: 'refused', detail: 'No snapshot with this ID.' }],
    });
    expect(p.unmatched).toEqual([
      { field: 'Content-Type', origin: 'atlas', detail: 'Content-Type must be the versioned type.' },
    ]);
  });

  test('401 and token-endpoint failures point at the token input', () => {
    const api = new AtlasApiError({ operationId: 'x', status: 401, detail: 'bad token', rateLimit: {} });
    expect(fieldProblems(api).fields.token).toEqual([{ origin: 'atlas', kind: 'refused', detail: 'bad token' }]);
    const auth = new AtlasAuthError('token request refused', { status: 400, oauthError: 'invalid_client' });
    expect(fieldProblems(auth).fields.token?.[0]?.origin).toBe('client');
  });

  test('errors that concern no field mark none', () => {
    const p = fieldProblems(new AtlasNetworkError('downloadClusterBackupTenant', 'fetch failed'));
    expect(p).toEqual({ fields: {}, unmatched: [] });
    expect(fieldProblems(new Error('boom'))).toEqual({ fields: {}, unmatched: [] });
  });

  test("the page's own check comes back as it was found", () => {
    const problems = { fields: { token: [{ origin: 'page' as const, kind: 'missing' as const }] }, unmatched: [] };
    expect(fieldProblems(new FormCheckError(problems))).toBe(problems);
  });
});
