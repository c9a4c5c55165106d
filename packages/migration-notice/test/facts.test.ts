import tenantDownload from '@atlas-kit/openapi/documents/tenant-download.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import {
  deprecatedOperation,
  deprecationDate,
  replacementOperation,
  restoreJobPolls,
  sunsetDate,
} from '../src/index.ts';

describe('facts of the migration, from the compiled operations', () => {
  it('exposes the deprecated operation as the contract describes it', () => {
    expect(deprecatedOperation).toMatchObject({
      operationId: 'downloadClusterBackupTenant',
      formerOperationIds: ['downloadSharedClusterBackup'],
      docsOperationId: 'downloadGroupClusterBackupTenant',
      method: 'POST',
      path: '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download',
      resourceVersion: '2023-01-01',
      mediaType: 'application/vnd.atlas.2023-01-01+json',
      deprecated: true,
      sunset: '2026-01-22',
    });
    expect(deprecatedOperation.docsUrl).toMatch(/\/operation\/downloadGroupClusterBackupTenant$/);
  });

  it('exposes the replacement and the polls', () => {
    expect(replacementOperation).toMatchObject({
      operationId: 'downloadFlexBackup',
      method: 'POST',
      path: '/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download',
      resourceVersion: '2024-11-13',
      mediaType: 'application/vnd.atlas.2024-11-13+json',
      requestSchema: 'FlexBackupSnapshotDownloadCreate20241113',
      responseSchema: 'FlexBackupRestoreJob20241113',
    });
    expect(replacementOperation.docsUrl).toMatch(
      /^https:\/\/www\.mongodb\.com\/docs\/.*\/operation\/downloadFlexBackup$/,
    );
    expect(restoreJobPolls.tenant).toMatchObject({
      operationId: 'getBackupTenantRestore',
      method: 'GET',
      path: '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/restores/{restoreId}',
      resourceVersion: '2023-01-01',
      mediaType: 'application/vnd.atlas.2023-01-01+json',
      deprecated: true,
      sunset: '2026-01-22',
    });
    expect(restoreJobPolls.flex).toMatchObject({
      operationId: 'getFlexRestoreJob',
      method: 'GET',
      path: '/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/restoreJobs/{restoreJobId}',
      resourceVersion: '2024-11-13',
      mediaType: 'application/vnd.atlas.2024-11-13+json',
      deprecated: false,
    });
  });

  it('sunsetDate is UTC midnight of x-sunset; deprecationDate is the documented evidence day', () => {
    expect(sunsetDate.toISOString()).toBe('2026-01-22T00:00:00.000Z');
    expect(deprecationDate.toISOString()).toBe('2025-06-30T00:00:00.000Z');
  });

  it('the fragment description backs the tiers the notice names', () => {
    // The notice's tier list (messages/*) restates this sentence; if upstream wording changes, revisit it.
    const description = Object.values<any>(tenantDownload.paths)[0].post.description as string;
    expect(description).toMatch(/Flex clusters that were created using the \[Create Cluster\]/);
    expect(description).toMatch(/former M2\/M5 clusters that have been migrated to Flex clusters/);
  });
});
