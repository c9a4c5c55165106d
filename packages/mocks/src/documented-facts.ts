// The ONLY hand-typed Atlas facts of this package: behaviour MongoDB documents for these
// endpoints that no fragment in specs/ declares. Everything else (paths, media types, versions,
// sunset, example bodies, the generic error codes VALIDATION_ERROR / RESOURCE_NOT_FOUND /
// UNEXPECTED_ERROR / INVALID_VERSION_DATE / VERSION_GONE / RATE_LIMITED) is read from the spec at
// run time (src/spec.ts).
//
// Source: /work/shared/upstream/README.md, "Facts worth knowing (from MongoDB's public docs and
// these specs)" — the Atlas Admin API v2 reference for Shared-Tier Snapshots
// (operation downloadGroupClusterBackupTenant), the Atlas API rate-limit documentation and the
// Atlas API authentication documentation.

/**
 * Endpoint-specific error codes Atlas documents for POST .../backup/tenant/download, by status.
 * The first code of each list is the default when a scenario selects the status without a code.
 * ("Endpoint-specific error codes documented by Atlas: CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY and
 * TOO_MANY_SNAPSHOT_DOWNLOADS (400), TENANT_SNAPSHOT_ACCESS_DENIED (401), TENANT_SNAPSHOT_NOT_FOUND
 * and CLUSTER_NOT_FOUND (404), CANNOT_DOWNLOAD_INCOMPLETE_SNAPSHOT (409).")
 */
export const endpointErrorCodes = {
  downloadClusterBackupTenant: {
    400: ['CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY', 'TOO_MANY_SNAPSHOT_DOWNLOADS'],
    401: ['TENANT_SNAPSHOT_ACCESS_DENIED'],
    404: ['TENANT_SNAPSHOT_NOT_FOUND', 'CLUSTER_NOT_FOUND'],
    409: ['CANNOT_DOWNLOAD_INCOMPLETE_SNAPSHOT'],
  },
  getBackupTenantRestore: {},
  downloadFlexBackup: {},
  getFlexRestoreJob: {},
} as const;

/**
 * "The Shared Tier Snapshots set allowed 4000 requests per project, refilling 2000 per 60 s."
 * The defaults of the token bucket (one bucket per limit set and project, i.e. per groupId).
 */
export const sharedTierSnapshotsRateLimit = {
  capacity: 4000,
  refillTokens: 2000,
  refillIntervalMs: 60_000,
} as const;

/**
 * The rate-limit set of each operation: Atlas counts requests per set and project, so calls in one
 * set never use up another set's limit. The tenant operations are in the documented "Shared Tier
 * Snapshots" set. The Flex snapshot operations belong to another set whose name and numbers our
 * source does not give: `flexSnapshots` is this package's name for it, and it uses the Shared Tier
 * numbers above as defaults (like every set, configurable with the `rateLimit` option).
 */
export const rateLimitSets = {
  downloadClusterBackupTenant: 'Shared Tier Snapshots',
  getBackupTenantRestore: 'Shared Tier Snapshots',
  downloadFlexBackup: 'flexSnapshots',
  getFlexRestoreJob: 'flexSnapshots',
} as const;

export type RateLimitSet = (typeof rateLimitSets)[keyof typeof rateLimitSets];

/**
 * "API keys with HTTP Digest (realm `MMS Public API`, MD5 or SHA-256, qop `auth`)"; the other
 * documented scheme is a service-account OAuth 2.0 access token sent as a Bearer token.
 */
export const digestAuth = {
  realm: 'MMS Public API',
  algorithms: ['MD5', 'SHA-256'],
  qop: 'auth',
} as const;
