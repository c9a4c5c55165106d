// Behaviour Atlas documents beyond its spec, as the overlay of specs/ records it and `pnpm generate`
// compiled it (@atlas-kit/openapi): the error codes of each answer, the rate-limit sets, Digest.
// Apart from those, the answers the mock gives where no source says what Atlas answers (HTTP's own
// 405/413/415, a 403 or 409 scenario without a code): atlas-kit's names, marked as such.
import { atlas, operations } from '@atlas-kit/openapi';
import { type AtlasOperationId, atlasOperationIds } from './spec.ts';

type CodesByStatus = Readonly<Record<number, readonly string[]>>;

/** The errorCodes each answer of an operation documents, the default first (e.g. 404 TENANT_SNAPSHOT_NOT_FOUND). */
export const endpointErrorCodes: Readonly<Record<AtlasOperationId, CodesByStatus>> = Object.fromEntries(
  atlasOperationIds.map((id) => [
    id,
    Object.fromEntries(
      Object.entries(operations[id].responses as Record<string, { errorCodes: readonly string[] }>)
        .filter(([, r]) => r.errorCodes.length > 0)
        .map(([status, r]) => [Number(status), r.errorCodes]),
    ),
  ]),
) as Record<AtlasOperationId, CodesByStatus>;

const shared = operations.downloadClusterBackupTenant.rateLimit;

/**
 * The documented Shared Tier Snapshots limits (4000 requests per project, refilling 2000 per 60 s):
 * the defaults of the token bucket (one bucket per limit set and project, i.e. per groupId).
 */
export const sharedTierSnapshotsRateLimit = {
  capacity: shared.capacity,
  refillTokens: shared.refill,
  refillIntervalMs: shared.refillSeconds * 1000,
} as const;

/** The rate-limit set of each operation: Atlas counts requests per set and project. */
export const rateLimitSets = Object.fromEntries(atlasOperationIds.map((id) => [id, operations[id].rateLimit.set])) as {
  readonly [Id in AtlasOperationId]: (typeof operations)[Id]['rateLimit']['set'];
};

export type RateLimitSet = (typeof rateLimitSets)[AtlasOperationId];

/** API keys sign requests with HTTP Digest: realm `MMS Public API`, MD5 or SHA-256, qop `auth`. */
export const digestAuth = atlas.digest;

/**
 * Where the mock takes the generic error of a status, used when nothing endpoint-specific applies (a
 * scenario without `errorCode`, a failed authentication, a refused request):
 *  - `spec`: Atlas's generic code for the status, compiled from the overlay (VALIDATION_ERROR,
 *    UNAUTHORIZED, RESOURCE_NOT_FOUND, INVALID_VERSION_DATE, VERSION_GONE, RATE_LIMITED,
 *    UNEXPECTED_ERROR), with its example body. Upstream's examples that say they "may not be
 *    related to this endpoint" (403 CANNOT_CHANGE_GROUP_NAME, 409 CANNOT_DELETE_ORG_…) never are.
 *  - `errorCode`: no source gives Atlas's code: atlas-kit's name, with `source` saying so.
 * `reason` is the HTTP reason phrase (RFC 9110 §15) for statuses the spec has no example of.
 */
export const genericErrors = {
  ...Object.fromEntries(Object.keys(atlas.errorCodes).map((status) => [status, { spec: true }])),
  403: {
    errorCode: 'FORBIDDEN',
    reason: 'Forbidden',
    source:
      "none: no source gives Atlas's generic 403 code; atlas-kit's name (select the code you expect with errorCode)",
  },
  405: {
    errorCode: 'METHOD_NOT_ALLOWED',
    reason: 'Method Not Allowed',
    source: "none: the spec documents no 405 for these paths; atlas-kit's name for HTTP's answer (RFC 9110 §15.5.6)",
  },
  409: {
    errorCode: 'CONFLICT',
    reason: 'Conflict',
    source:
      "none: no source gives Atlas's generic 409 code; atlas-kit's name (select the code you expect with errorCode)",
  },
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
} as Readonly<Record<number, { spec: true } | { errorCode: string; detail?: string; reason?: string; source: string }>>;

export type GenericErrorStatus = number;

/**
 * The request media type Atlas takes for a JSON body besides the operation's versioned one. The
 * versioning rule picks the resource version from `Accept` (406 otherwise); the spec's own
 * `x-codeSamples` for these POST operations send `Content-Type: application/json` with a versioned
 * Accept (the "curl (Service Accounts)" and "curl (Digest)" samples of downloadClusterBackupTenant
 * and downloadFlexBackup in specs/). So the body is read as JSON under either type; any other type
 * is refused (415, see genericErrors).
 */
export const plainJsonMediaType = 'application/json';
