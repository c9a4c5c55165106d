// The standalone validators compiled at generate time behave as the spec's schemas say.
import { describe, expect, it } from 'vitest';
import { examples } from '../src/examples.ts';
import { operationIds, operations, validateBody, validateParams } from '../src/index.ts';
import { validateResponse, validateResponseBody } from '../src/responses.ts';

const group = '5e2211c17a3e5a48f5497de3';

describe('validateParams', () => {
  it('accepts valid path parameters and coerces query strings as a server binds them', () => {
    const input = { groupId: group, name: 'Cluster0', itemsPerPage: '5', includeCount: 'false' };
    const result = validateParams('listFlexBackupSnapshots', input);
    expect(result).toEqual({ ok: true, values: { ...input, itemsPerPage: 5, includeCount: false } });
    expect(input.itemsPerPage).toBe('5');
  });

  it('reports every bad parameter at once, by JSON pointer', () => {
    const result = validateParams('listFlexBackupSnapshots', { groupId: 'abc', itemsPerPage: '501' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path || i.params.missingProperty} ${i.keyword}`)).toEqual([
      'name required',
      '/groupId pattern',
      '/itemsPerPage maximum',
    ]);
  });

  it('rejects envelope values that are no boolean on every operation', () => {
    for (const id of operationIds) {
      const path = Object.fromEntries(
        operations[id].parameters
          .filter((p) => p.in === 'path')
          .map((p) => [
            p.name,
            p.name === 'groupId'
              ? group
              : p.name === 'name' || p.name === 'clusterName'
                ? 'Cluster0'
                : '6561d2f4c8ff4d3a1f2eab12',
          ]),
      );
      expect(validateParams(id, path).ok, id).toBe(true);
      expect(validateParams(id, { ...path, envelope: 'maybe' }).ok, id).toBe(false);
    }
  });
});

describe('validateBody', () => {
  it('checks patterns with Unicode property escapes (the `u` flag)', () => {
    const body = { snapshotId: '6561d0b5c8ff4d3a1f2e9a07' };
    expect(validateBody('downloadClusterBackupTenant', { ...body, targetDeploymentItemName: 'Clüster-0' })).toEqual([]);
    expect(validateBody('downloadClusterBackupTenant', { ...body, targetDeploymentItemName: 'a b' })[0]).toMatchObject({
      path: '/targetDeploymentItemName',
      keyword: 'pattern',
    });
  });

  it('readOnly properties are never required of a request', () => {
    expect(validateBody('downloadFlexBackup', { snapshotId: '6561d0b5c8ff4d3a1f2e9a07' })).toEqual([]);
    expect(validateBody('downloadFlexBackup', {})[0]).toMatchObject({
      keyword: 'required',
      params: { missingProperty: 'snapshotId' },
    });
  });

  it('an operation without a body says so', () => {
    expect(() => validateBody('getFlexRestoreJob' as never, {})).toThrow('"getFlexRestoreJob" takes no request body');
  });
});

describe('every compiled example satisfies its schema', () => {
  for (const id of operationIds) {
    const ex = examples[id] as (typeof examples)[typeof id];
    it(`${id}: request, success and every error example`, () => {
      if ('request' in ex) expect(validateBody(id, ex.request)).toEqual([]);
      const success = operations[id].statuses.find((s) => s >= 200 && s < 300) as number;
      expect(validateResponseBody(id, success, ex.success)).toEqual([]);
      for (const [status, byCode] of Object.entries(ex.errors)) {
        for (const body of Object.values(byCode)) expect(validateResponseBody(id, Number(status), body)).toEqual([]);
      }
    });
  }

  it('the check itself fails on a wrong example', () => {
    const wrong = { ...examples.downloadFlexBackup.success, snapshotId: 'not-24-hex' };
    expect(validateResponseBody('downloadFlexBackup', 200, wrong)[0]).toMatchObject({ path: '/snapshotId' });
    expect(
      validateResponseBody('getFlexBackupSnapshot', 200, {
        ...examples.getFlexBackupSnapshot.success,
        finishTime: 'yesterday',
      })[0],
    ).toMatchObject({ keyword: 'format' });
  });
});

describe('validateResponse', () => {
  it('checks status, headers, media type and body', () => {
    const headers = {
      'content-type': operations.downloadFlexBackup.mediaType,
      'RateLimit-Limit': '1',
      'RateLimit-Remaining': '0',
    };
    expect(
      validateResponse({
        operationId: 'downloadFlexBackup',
        status: 200,
        headers,
        body: examples.downloadFlexBackup.success,
      }),
    ).toEqual([]);
    expect(validateResponse({ operationId: 'downloadFlexBackup', status: 418, headers, body: {} })).toEqual([
      'status 418 is not documented for downloadFlexBackup',
    ]);
    expect(
      validateResponse({
        operationId: 'downloadFlexBackup',
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: {},
      }),
    ).toEqual([
      'header RateLimit-Limit is missing',
      'header RateLimit-Remaining is missing',
      'content-type "application/json" is not application/vnd.atlas.2024-11-13+json',
    ]);
  });
});
