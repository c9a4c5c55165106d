// Request validation the way Atlas answers it: 400 VALIDATION_ERROR naming the field, 406 for the
// Accept version, 401 for missing or malformed credentials (Content-Type: content-type.test.ts). Every answer is also judged by the spec.

import { operations } from '@atlas-kit/openapi';
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { type AtlasMockOptions, createAtlasHandlers, digestAuth } from '../src/index.ts';
import { type AtlasOperationId, example, judge, mediaTypes, type RequestSpec, read, requestFor } from './support.ts';

const clock = () => new Date('2025-12-01T12:00:00Z');

async function ask(id: AtlasOperationId, over: RequestSpec = {}, options: AtlasMockOptions = {}) {
  const { handlers, atlas } = createAtlasHandlers({ clock, ...options });
  if (id.startsWith('get')) atlas.seedRestoreJob({ api: id.includes('Flex') ? 'flex' : 'tenant' });
  const answer = await read(await getResponse(handlers, requestFor(id, over)));
  expect(judge(id, answer)).toEqual([]);
  return answer;
}

const fields = (answer: { body: any }) => answer.body.badRequestDetail?.fields?.map((f: { field: string }) => f.field);

describe('400 VALIDATION_ERROR names the field', () => {
  it.each([
    ['snapshotId missing', { targetDeploymentItemName: 'Cluster0' }, ['snapshotId']],
    ['targetDeploymentItemName missing', { snapshotId: example.tenantBody.snapshotId }, ['targetDeploymentItemName']],
    ['snapshotId not 24 hex', { ...example.tenantBody, snapshotId: 'XYZ' }, ['snapshotId']],
    ['snapshotId not a string', { ...example.tenantBody, snapshotId: 42 }, ['snapshotId']],
    [
      'target name with a space',
      { ...example.tenantBody, targetDeploymentItemName: 'a b' },
      ['targetDeploymentItemName'],
    ],
    [
      'target name of 65 letters',
      { ...example.tenantBody, targetDeploymentItemName: 'a'.repeat(65) },
      ['targetDeploymentItemName'],
    ],
    ['targetProjectId malformed', { ...example.tenantBody, targetProjectId: 'nope' }, ['targetProjectId']],
  ])('tenant body: %s', async (_name, body, expected) => {
    const answer = await ask('downloadClusterBackupTenant', { body: body as Record<string, unknown> });
    expect(answer.status).toBe(400);
    expect(answer.body.errorCode).toBe('VALIDATION_ERROR');
    expect(fields(answer)).toEqual(expected);
  });

  it('accepts Unicode letters in targetDeploymentItemName (pattern compiled with the u flag)', async () => {
    const answer = await ask('downloadClusterBackupTenant', {
      body: { ...example.tenantBody, targetDeploymentItemName: "Clúster-東京_(1),:&@+'" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.targetDeploymentItemName).toBe("Clúster-東京_(1),:&@+'");
  });

  it('ignores readOnly fields in a request (they are not required, and not checked)', async () => {
    const answer = await ask('downloadClusterBackupTenant', {
      body: { ...example.tenantBody, id: 'not-an-id', status: 'WHATEVER', clusterName: '-' },
    });
    expect(answer.status).toBe(200);
    const body = operations.downloadClusterBackupTenant.requestBody;
    for (const name of ['id', 'status', 'clusterName']) expect(body.properties).not.toContain(name);
    expect(body.requiredProperties).toEqual(['snapshotId', 'targetDeploymentItemName']);
  });

  it('flex body: snapshotId is required', async () => {
    const answer = await ask('downloadFlexBackup', { body: {} });
    expect(fields(answer)).toEqual(['snapshotId']);
  });

  it.each([
    ['not JSON', '{"snapshotId": '],
    ['empty', ''],
    ['a JSON array', '[]'],
    ['a JSON string', '"x"'],
  ])('body %s → requestBody', async (_name, body) => {
    const answer = await ask('downloadClusterBackupTenant', { body });
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['requestBody']);
  });

  it('accepts the versioned Content-Type with parameters and in any case', async () => {
    const type = `${mediaTypes.downloadClusterBackupTenant.toUpperCase()}; charset=utf-8`;
    expect((await ask('downloadClusterBackupTenant', { headers: { 'content-type': type } })).status).toBe(200);
  });

  it.each([
    ['groupId', '/api/atlas/v2/groups/xyz/clusters/Cluster0/backup/tenant/download', 'downloadClusterBackupTenant'],
    [
      'clusterName',
      `/api/atlas/v2/groups/${example.groupId}/clusters/-x/backup/tenant/download`,
      'downloadClusterBackupTenant',
    ],
    [
      'restoreId',
      `/api/atlas/v2/groups/${example.groupId}/clusters/Cluster0/backup/tenant/restores/123`,
      'getBackupTenantRestore',
    ],
    ['name', `/api/atlas/v2/groups/${example.groupId}/flexClusters/_x/backup/download`, 'downloadFlexBackup'],
    [
      'restoreJobId',
      `/api/atlas/v2/groups/${example.groupId}/flexClusters/Cluster0/backup/restoreJobs/zz`,
      'getFlexRestoreJob',
    ],
  ] as const)('path parameter %s', async (field, path, id) => {
    const answer = await ask(id, { path });
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual([field]);
  });

  it.each(['envelope', 'pretty'])('%s must be a boolean', async (flag) => {
    const answer = await ask('getFlexRestoreJob', { query: `${flag}=yes` });
    expect(fields(answer)).toEqual([flag]);
  });

  it('reports every bad field at once', async () => {
    const answer = await ask('downloadClusterBackupTenant', {
      path: '/api/atlas/v2/groups/bad/clusters/Cluster0/backup/tenant/download',
      body: { snapshotId: 'bad' },
    });
    expect(fields(answer).sort()).toEqual(['groupId', 'snapshotId', 'targetDeploymentItemName']);
  });
});

describe('406 INVALID_VERSION_DATE', () => {
  it.each([
    ['no Accept', undefined],
    ['*/*', '*/*'],
    ['application/json', 'application/json'],
    ['the version of the reference page curl samples', 'application/vnd.atlas.2023-10-01+json'],
    ['the version with q=0', `${mediaTypes.downloadClusterBackupTenant};q=0`],
  ])('tenant: %s', async (_name, accept) => {
    for (const id of ['downloadClusterBackupTenant', 'getBackupTenantRestore'] as const) {
      const answer = await ask(id, { headers: { accept } });
      expect(answer.status).toBe(406);
      expect(answer.body.errorCode).toBe('INVALID_VERSION_DATE');
    }
  });

  it.each([
    ['no Accept', undefined],
    ['application/json', 'application/json'],
    ['the tenant version', mediaTypes.downloadClusterBackupTenant],
  ])('flex: %s', async (_name, accept) => {
    for (const id of ['downloadFlexBackup', 'getFlexRestoreJob'] as const) {
      const answer = await ask(id, { headers: { accept } });
      expect(answer.status).toBe(406);
      expect(answer.body.errorCode).toBe('INVALID_VERSION_DATE');
    }
  });

  it('accepts the version inside a list', async () => {
    const accept = `application/json;q=0.9, ${mediaTypes.getBackupTenantRestore};q=0.5`;
    expect((await ask('getBackupTenantRestore', { headers: { accept } })).status).toBe(200);
  });
});

describe('401: missing or malformed Authorization', () => {
  const target = (id: AtlasOperationId) => new URL(requestFor(id).url);
  const digest = (params: Record<string, string>) =>
    `Digest ${Object.entries(params)
      .map(([k, v]) => `${k}="${v}"`)
      .join(', ')}`;
  const uri = target('downloadClusterBackupTenant').pathname;
  const good = {
    username: 'pubkey',
    realm: digestAuth.realm,
    nonce: 'abc',
    uri,
    qop: 'auth',
    nc: '00000001',
    cnonce: 'xyz',
    response: 'a'.repeat(32),
  };

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['Basic', 'Basic dXNlcjpwYXNz'],
    ['Bearer without token', 'Bearer'],
    ['Bearer with two tokens', 'Bearer a b'],
    ['Bearer with a bad character', 'Bearer a,b'],
    ['Digest not a list', 'Digest garbage'],
    ['Digest unclosed quote', 'Digest username="x'],
    ['Digest duplicated param', `${digest(good)}, nonce="x"`],
    ['Digest missing response', digest({ ...good, response: '' })],
    ['Digest other realm', digest({ ...good, realm: 'x' })],
    ['Digest qop auth-int', digest({ ...good, qop: 'auth-int' })],
    ['Digest bad nc', digest({ ...good, nc: '1' })],
    ['Digest unknown algorithm', `${digest(good)}, algorithm=SHA-1`],
    ['Digest response not MD5 length', digest({ ...good, response: 'ab' })],
    ['Digest SHA-256 with an MD5-length response', `${digest(good)}, algorithm=SHA-256`],
    ['Digest uri of another resource', digest({ ...good, uri: '/api/atlas/v2/other' })],
  ])('%s', async (_name, authorization) => {
    const answer = await ask('downloadClusterBackupTenant', { headers: { authorization } });
    expect(answer.status).toBe(401);
    // A failed authentication is Atlas's generic code on every resource (the endpoint's own 401
    // code is what a scenario selecting 401 answers).
    expect(answer.body.errorCode).toBe('UNAUTHORIZED');
    expect(answer.headers.get('www-authenticate')).toMatch(
      /^Digest realm="MMS Public API", .*nonce="[0-9a-f]{32}".*qop="auth"/,
    );
  });

  it.each([
    ['Bearer', 'Bearer eyJhbGciOi.J9-_~+/abc=='],
    ['bearer (case-insensitive scheme)', 'bearer token'],
    ['Digest MD5', digest(good)],
    ['Digest SHA-256', `${digest({ ...good, response: 'b'.repeat(64) })}, algorithm=SHA-256`],
    ['Digest with unquoted tokens and opaque', `${digest(good).replace('qop="auth"', 'qop=auth')}, opaque="o"`],
  ])('well-formed %s passes', async (_name, authorization) => {
    expect((await ask('downloadClusterBackupTenant', { headers: { authorization } })).status).toBe(200);
  });

  it('other operations use the spec example code for 401', async () => {
    const answer = await ask('downloadFlexBackup', { headers: { authorization: undefined } });
    expect(answer.status).toBe(401);
  });

  it('with configured Bearer tokens, only those pass', async () => {
    const options = { auth: { bearerTokens: ['right'] } };
    expect((await ask('getFlexRestoreJob', { headers: { authorization: 'Bearer wrong' } }, options)).status).toBe(401);
    expect((await ask('getFlexRestoreJob', { headers: { authorization: 'Bearer right' } }, options)).status).toBe(200);
  });

  it.each([
    ['MD5', md5],
    ['SHA-256', sha256],
  ] as const)('with configured API keys, the %s Digest response is verified (RFC 7616)', async (algorithm, fn) => {
    const h = (s: string) => bytesToHex(fn(utf8ToBytes(s)));
    const key = { publicKey: 'pub', privateKey: 'secret-for-tests' };
    const sign = (privateKey: string) => {
      const ha1 = h(`${key.publicKey}:${digestAuth.realm}:${privateKey}`);
      const ha2 = h(`POST:${uri}`);
      const response = h(`${ha1}:n1:00000001:c1:auth:${ha2}`);
      return `${digest({ ...good, username: key.publicKey, nonce: 'n1', cnonce: 'c1', response })}, algorithm=${algorithm}`;
    };
    const options = { auth: { apiKeys: [key] } };
    expect(
      (await ask('downloadClusterBackupTenant', { headers: { authorization: sign(key.privateKey) } }, options)).status,
    ).toBe(200);
    expect(
      (await ask('downloadClusterBackupTenant', { headers: { authorization: sign('wrong') } }, options)).status,
    ).toBe(401);
  });
});
