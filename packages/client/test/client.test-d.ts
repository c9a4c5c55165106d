import type { SnapshotDownloadResult } from '@atlas-kit/migration-notice';
import type { components, paths } from '@atlas-kit/openapi/types';
import type { Client } from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AtlasApiError,
  type AtlasAuth,
  type AtlasClient,
  type AtlasClientOptions,
  type AtlasResult,
  type CallOptions,
  createAtlasClient,
  type DeprecationEvent,
  type EndpointSunsetError,
  type FlexDownloadBody,
  type SnapshotDownloadOutcome,
  type SnapshotStatusEvent,
  type TenantDownloadBody,
} from '../src/index.ts';
import { type DownloadToResult, downloadTo } from '../src/node/index.ts';

type Schemas = components['schemas'];
declare const client: AtlasClient;
const G = '5e2211c17a3e5a48f5497de3';

describe('public API types', () => {
  it('createAtlasClient takes options and returns an AtlasClient', () => {
    expectTypeOf(createAtlasClient).parameter(0).toEqualTypeOf<AtlasClientOptions>();
    expectTypeOf(createAtlasClient).returns.toEqualTypeOf<AtlasClient>();
    expectTypeOf<AtlasClientOptions['baseUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AtlasClientOptions['onDeprecation']>().toEqualTypeOf<
      ((event: DeprecationEvent) => void) | undefined
    >();
    expectTypeOf<AtlasClientOptions['now']>().toEqualTypeOf<(() => Date) | undefined>();
    expectTypeOf<AtlasClientOptions['fetch']>().toEqualTypeOf<typeof fetch | undefined>();
  });

  it('auth is a discriminated union of the four modes', () => {
    expectTypeOf<AtlasAuth['type']>().toEqualTypeOf<'serviceAccount' | 'bearer' | 'digest' | 'none'>();
    expectTypeOf<{ type: 'serviceAccount'; clientId: string; clientSecret: string }>().toExtend<AtlasAuth>();
    expectTypeOf<{ type: 'bearer'; token: string }>().toExtend<AtlasAuth>();
    expectTypeOf<{ type: 'digest'; publicKey: string; privateKey: string }>().toExtend<AtlasAuth>();
    // @ts-expect-error a service account needs its secret
    createAtlasClient({ auth: { type: 'serviceAccount', clientId: 'x' } });
    // @ts-expect-error digest needs publicKey/privateKey, not a token
    createAtlasClient({ auth: { type: 'digest', token: 'x' } });
  });

  it('the typed calls return the spec schemas', () => {
    expectTypeOf(client.downloadClusterBackupTenant).returns.resolves.toEqualTypeOf<
      AtlasResult<Schemas['TenantRestore']>
    >();
    expectTypeOf(client.getBackupTenantRestore).returns.resolves.toEqualTypeOf<AtlasResult<Schemas['TenantRestore']>>();
    expectTypeOf(client.downloadFlexBackup).returns.resolves.toEqualTypeOf<
      AtlasResult<Schemas['FlexBackupRestoreJob20241113']>
    >();
    expectTypeOf(client.getFlexRestoreJob).returns.resolves.toEqualTypeOf<
      AtlasResult<Schemas['FlexBackupRestoreJob20241113']>
    >();
    expectTypeOf<AtlasResult<unknown>['rateLimit']>().toEqualTypeOf<{
      limit?: number;
      remaining?: number;
      retryAfterMs?: number;
    }>();
  });

  it('path parameters and bodies are the spec types', () => {
    expectTypeOf(client.downloadClusterBackupTenant)
      .parameter(0)
      .toEqualTypeOf<{ clusterName: string; groupId: string }>();
    expectTypeOf(client.downloadFlexBackup).parameter(0).toEqualTypeOf<{ name: string; groupId: string }>();
    expectTypeOf(client.getBackupTenantRestore)
      .parameter(0)
      .toEqualTypeOf<{ clusterName: string; groupId: string; restoreId: string }>();
    expectTypeOf(client.getFlexRestoreJob)
      .parameter(0)
      .toEqualTypeOf<{ groupId: string; name: string; restoreJobId: string }>();
    expectTypeOf<TenantDownloadBody>().toEqualTypeOf<Schemas['TenantRestore']>();
    expectTypeOf<FlexDownloadBody>().toEqualTypeOf<Schemas['FlexBackupSnapshotDownloadCreate20241113']>();
    expectTypeOf(client.downloadFlexBackup).parameter(2).toEqualTypeOf<CallOptions | undefined>();
    // @ts-expect-error the tenant body needs targetDeploymentItemName
    void client.downloadClusterBackupTenant({ groupId: G, clusterName: 'c' }, { snapshotId: 's' });
    // @ts-expect-error flex takes `name`, not `clusterName`
    void client.downloadFlexBackup({ groupId: G, clusterName: 'c' }, { snapshotId: 's' });
  });

  it('raw is the openapi-fetch client over the generated paths', () => {
    expectTypeOf(client.raw).toEqualTypeOf<Client<paths>>();
  });

  it('requestSnapshotDownload returns the migration-notice result shape plus route and statuses', () => {
    expectTypeOf(client.requestSnapshotDownload).returns.resolves.toEqualTypeOf<SnapshotDownloadOutcome>();
    expectTypeOf<SnapshotDownloadOutcome>().toExtend<SnapshotDownloadResult>();
    expectTypeOf<SnapshotDownloadOutcome['snapshotUrl']>().toEqualTypeOf<string>();
    expectTypeOf<SnapshotDownloadOutcome['route']['reason']>().toEqualTypeOf<
      'tenant-live' | 'use-flex' | 'sunset-passed' | 'tenant-gone' | 'latest-snapshot'
    >();
    expectTypeOf<SnapshotStatusEvent['source']>().toEqualTypeOf<'tenant' | 'flex'>();
    // @ts-expect-error snapshotId is required
    void client.requestSnapshotDownload({ groupId: G, clusterName: 'c' });
  });

  it('the Flex snapshot listing: typed paging, typed pages, the newest snapshot', () => {
    expectTypeOf(client.listFlexBackupSnapshots)
      .parameter(1)
      .toEqualTypeOf<
        | { includeCount?: boolean; itemsPerPage?: number; pageNum?: number; envelope?: boolean; pretty?: boolean }
        | undefined
      >();
    expectTypeOf(client.listFlexBackupSnapshots).returns.resolves.toEqualTypeOf<
      AtlasResult<Schemas['PaginatedApiAtlasFlexBackupSnapshot20241113']>
    >();
    expectTypeOf(client.getFlexBackupSnapshot).returns.resolves.toEqualTypeOf<
      AtlasResult<Schemas['FlexBackupSnapshot20241113']>
    >();
    expectTypeOf(client.latestFlexSnapshot).returns.resolves.toEqualTypeOf<
      Schemas['FlexBackupSnapshot20241113'] | undefined
    >();
    // @ts-expect-error the listing names the Flex cluster `name`, not `clusterName`
    void client.listFlexBackupSnapshots({ groupId: G, clusterName: 'c' });
    // @ts-expect-error the latest snapshot is found, not given
    void client.requestLatestSnapshotDownload({ groupId: G, clusterName: 'c', snapshotId: 'x' });
  });

  it('errors are classes with typed fields', () => {
    expectTypeOf<AtlasApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<AtlasApiError['errorCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AtlasApiError['fields']>().toEqualTypeOf<Schemas['FieldViolation'][]>();
    expectTypeOf<EndpointSunsetError>().toExtend<AtlasApiError>();
    expectTypeOf<EndpointSunsetError['notice']>().toEqualTypeOf<string>();
  });

  it('downloadTo (Node entry)', () => {
    expectTypeOf(downloadTo).returns.resolves.toEqualTypeOf<DownloadToResult>();
    expectTypeOf(downloadTo).toBeCallableWith('https://x/y', '/tmp/f');
    expectTypeOf(downloadTo).toBeCallableWith({ snapshotUrl: 'https://x/y' }, '/tmp/f', {
      onProgress: (p) => void p.bytes,
    });
  });
});
