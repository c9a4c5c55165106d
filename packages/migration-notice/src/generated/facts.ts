// generated from specs/tenant-download.yaml, specs/tenant-restores.yaml, specs/flex-backup.yaml by scripts/generate.ts — do not edit.
// Regenerate: pnpm --filter @atlas-kit/migration-notice generate

export const facts = {
  "deprecatedOperation": {
    "operationId": "downloadClusterBackupTenant",
    "docsOperationId": "downloadGroupClusterBackupTenant",
    "method": "POST",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download",
    "resourceVersion": "2023-01-01",
    "mediaType": "application/vnd.atlas.2023-01-01+json",
    "deprecated": true,
    "sunset": "2026-01-22",
    "docsUrl": "https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Shared-Tier-Snapshots/operation/downloadGroupClusterBackupTenant",
    "summary": "Download One M2 or M5 Cluster Snapshot",
    "description": "Requests one snapshot for the specified shared cluster. This resource returns a `snapshotURL` that you can use to download the snapshot. This `snapshotURL` remains active for four hours after you make the request. To use this resource, the requesting Service Account or API Key must have the Project Owner role.\n\nThis endpoint can also be used on Flex clusters that were created using the [Create Cluster](https://www.mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Clusters/operation/createCluster) endpoint or former M2/M5 clusters that have been migrated to Flex clusters until January 22, 2026, after which this endpoint will be sunset. Please use the Download Flex Backup endpoint instead.",
    "requestSchema": "TenantRestore",
    "responseSchema": "TenantRestore"
  },
  "replacementOperation": {
    "operationId": "downloadFlexBackup",
    "method": "POST",
    "path": "/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download",
    "resourceVersion": "2024-11-13",
    "mediaType": "application/vnd.atlas.2024-11-13+json",
    "docsUrl": "https://www.mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Flex-Snapshots/operation/downloadFlexBackup",
    "docsTitle": "Download Flex Backup",
    "summary": "Download One Flex Cluster Snapshot",
    "requestSchema": "FlexBackupSnapshotDownloadCreate20241113",
    "responseSchema": "FlexBackupRestoreJob20241113"
  },
  "restoreJobPolls": {
    "tenant": {
      "operationId": "getBackupTenantRestore",
      "method": "GET",
      "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/restores/{restoreId}",
      "resourceVersion": "2023-01-01",
      "mediaType": "application/vnd.atlas.2023-01-01+json",
      "deprecated": true,
      "sunset": "2026-01-22",
      "docsOperationId": "getGroupClusterBackupTenantRestore",
      "docsUrl": "https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Shared-Tier-Restore-Jobs/operation/getGroupClusterBackupTenantRestore",
      "successorDocsUrl": "https://www.mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Flex-Restore-Jobs/operation/getFlexBackupRestoreJob",
      "responseSchema": "TenantRestore"
    },
    "flex": {
      "operationId": "getFlexRestoreJob",
      "method": "GET",
      "path": "/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/restoreJobs/{restoreJobId}",
      "resourceVersion": "2024-11-13",
      "mediaType": "application/vnd.atlas.2024-11-13+json",
      "deprecated": false,
      "docsOperationId": "getGroupFlexClusterBackupRestoreJob",
      "docsUrl": "https://mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Flex-Restore-Jobs/operation/getGroupFlexClusterBackupRestoreJob",
      "responseSchema": "FlexBackupRestoreJob20241113"
    }
  }
} as const;
