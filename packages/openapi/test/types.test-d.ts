import { describe, expectTypeOf, it } from 'vitest';
import type { components, operations, paths } from '../src/generated/types/atlas.ts';

type Download = operations['downloadClusterBackupTenant'];
type RequestBody = NonNullable<Download['requestBody']>['content']['application/vnd.atlas.2023-01-01+json'];
type TenantRestore = components['schemas']['TenantRestore'];
type ApiError = components['schemas']['ApiError'];

describe('generated types callers rely on', () => {
  it('requires snapshotId and targetDeploymentItemName in the download request', () => {
    expectTypeOf<RequestBody>().toHaveProperty('snapshotId').toEqualTypeOf<string>();
    expectTypeOf<RequestBody>().toHaveProperty('targetDeploymentItemName').toEqualTypeOf<string>();
    // @ts-expect-error — a body without targetDeploymentItemName is not a request body
    const missing: RequestBody = { snapshotId: '5f4007f327a3bd7b6f4103c5' };
    void missing;
  });

  it('types the restore status as the union of the five documented values', () => {
    expectTypeOf<NonNullable<TenantRestore['status']>>().toEqualTypeOf<
      'PENDING' | 'QUEUED' | 'RUNNING' | 'FAILED' | 'COMPLETED'
    >();
  });

  it('types every documented error answer as ApiError', () => {
    type Errors = Download['responses'][400 | 401 | 403 | 404 | 409 | 429 | 500];
    expectTypeOf<Errors['content']['application/json']>().toEqualTypeOf<ApiError>();
    expectTypeOf<ApiError>().toHaveProperty('errorCode').toEqualTypeOf<string>();
  });

  it('keys the path template to the operation', () => {
    expectTypeOf<
      paths['/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download']['post']
    >().toEqualTypeOf<Download>();
  });
});

describe('compiled facts keep their literal types', () => {
  it('types operationIds, methods and statuses as literals', async () => {
    type Ops = typeof import('../src/index.ts')['operations'];
    expectTypeOf<keyof Ops>().toEqualTypeOf<
      | 'downloadClusterBackupTenant'
      | 'getBackupTenantRestore'
      | 'downloadFlexBackup'
      | 'getFlexRestoreJob'
      | 'listFlexBackupSnapshots'
      | 'getFlexBackupSnapshot'
    >();
    expectTypeOf<Ops['downloadFlexBackup']['method']>().toEqualTypeOf<'POST'>();
    expectTypeOf<Ops['downloadFlexBackup']['mediaType']>().toEqualTypeOf<'application/vnd.atlas.2024-11-13+json'>();
    expectTypeOf<
      Ops['downloadClusterBackupTenant']['lifecycle']['replacement']
    >().toEqualTypeOf<'downloadFlexBackup'>();
  });
});
