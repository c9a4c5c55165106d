import type { components } from '@atlas-kit/openapi/types';
import { describe, expectTypeOf, it } from 'vitest';
import {
  fromFlexRestoreJob,
  fromTenantRestore,
  replacementOperation,
  type SnapshotDownloadResult,
  toFlexDownloadRequest,
} from '../src/index.ts';

describe('translator types come from the generated OpenAPI types', () => {
  it('toFlexDownloadRequest returns the flex request schema', () => {
    expectTypeOf(toFlexDownloadRequest).returns.toEqualTypeOf<
      components['schemas']['FlexBackupSnapshotDownloadCreate20241113']
    >();
    expectTypeOf(toFlexDownloadRequest).parameter(0).toHaveProperty('snapshotId').toEqualTypeOf<string>();
  });
  it('fromFlexRestoreJob / fromTenantRestore take the generated schemas', () => {
    expectTypeOf(fromFlexRestoreJob)
      .parameter(0)
      .toEqualTypeOf<components['schemas']['FlexBackupRestoreJob20241113']>();
    expectTypeOf(fromTenantRestore).parameter(0).toEqualTypeOf<components['schemas']['TenantRestore']>();
    expectTypeOf(fromTenantRestore).returns.toEqualTypeOf<SnapshotDownloadResult>();
  });
  it('facts are literal types, usable as openapi-fetch path keys', () => {
    expectTypeOf(
      replacementOperation.path,
    ).toEqualTypeOf<'/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download'>();
  });
});
