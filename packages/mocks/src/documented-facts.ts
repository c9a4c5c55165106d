// The ONLY hand-typed Atlas facts of this package: behaviour MongoDB documents for these
// endpoints that no fragment in specs/ declares, and which of the spec's error examples name
// Atlas's generic codes. Everything else (paths, media types, versions, sunset, example bodies, the
// generic error codes VALIDATION_ERROR / RESOURCE_NOT_FOUND / UNEXPECTED_ERROR /
// INVALID_VERSION_DATE / VERSION_GONE / RATE_LIMITED) is read from the spec at run time
// (src/spec.ts). Each fact names its source.
//
// Source unless said otherwise: /work/shared/upstream/README.md, "Facts worth knowing (from
// MongoDB's public docs and these specs)" — the Atlas Admin API v2 reference for Shared-Tier
// Snapshots (operation downloadGroupClusterBackupTenant), the Atlas API rate-limit documentation
// and the Atlas API authentication documentation.

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

/**
 * Where the mock takes Atlas's generic error for a status, used when nothing endpoint-specific
 * applies (a scenario without `errorCode`, a failed authentication, a refused request):
 *  - `component`: the spec's `components/responses/<name>` example names Atlas's generic code
 *    (VALIDATION_ERROR, RESOURCE_NOT_FOUND, RATE_LIMITED, UNEXPECTED_ERROR). The other components
 *    (unauthorized, forbidden, conflict) are NOT sources: upstream marks their examples
 *    "(This is just an example, the exception may not be related to this endpoint)" and their
 *    codes (NOT_ORG_GROUP_CREATOR, CANNOT_CHANGE_GROUP_NAME, …) belong to other endpoints.
 *  - `operation`: the operation's own example for the status (406 and 410, from the overlay in
 *    specs/, which writes Atlas's codes for them).
 *  - `errorCode`: typed here, with its source in `source`.
 * `reason` is the HTTP reason phrase (RFC 9110 §15) for statuses the spec has no example of.
 */
export const genericErrors = {
  400: { component: 'badRequest' },
  401: {
    errorCode: 'UNAUTHORIZED',
    detail: 'You are not authorized for this resource.',
    source: "issue 14: Atlas's answer to missing or bad credentials on any resource",
  },
  403: {
    errorCode: 'FORBIDDEN',
    source:
      "none: no source gives Atlas's generic 403 code; atlas-kit's name (select the code you expect with errorCode)",
  },
  404: { component: 'notFound' },
  405: {
    errorCode: 'METHOD_NOT_ALLOWED',
    reason: 'Method Not Allowed',
    source: "none: the spec documents no 405 for these paths; atlas-kit's name for HTTP's answer (RFC 9110 §15.5.6)",
  },
  406: { operation: true },
  409: {
    errorCode: 'CONFLICT',
    source:
      "none: no source gives Atlas's generic 409 code; atlas-kit's name (select the code you expect with errorCode)",
  },
  410: { operation: true },
  413: {
    errorCode: 'CONTENT_TOO_LARGE',
    reason: 'Content Too Large',
    source: "none: no source documents Atlas's body limit; atlas-kit's name for HTTP's answer (RFC 9110 §15.5.14)",
  },
  415: {
    errorCode: 'UNSUPPORTED_MEDIA_TYPE',
    reason: 'Unsupported Media Type',
    source: "none: the spec documents no 415; atlas-kit's name for HTTP's answer (RFC 9110 §15.5.16)",
  },
  429: { component: 'tooManyRequests' },
  500: { component: 'internalServerError' },
} as const satisfies Record<
  number,
  { component: string } | { operation: true } | { errorCode: string; detail?: string; reason?: string; source: string }
>;

export type GenericErrorStatus = keyof typeof genericErrors;

/**
 * The request media type Atlas takes for a JSON body besides the operation's versioned one. The
 * versioning rule picks the resource version from `Accept` (406 otherwise); the spec's own
 * `x-codeSamples` for these POST operations send `Content-Type: application/json` with a versioned
 * Accept (atlas-api-transformed.yaml @ 45c251aa, "curl (Service Accounts)" and "curl (Digest)"
 * samples of downloadClusterBackupTenant and downloadFlexBackup). So the body is read as JSON
 * under either type; any other type is refused (415, see genericErrors).
 */
export const plainJsonMediaType = 'application/json';
