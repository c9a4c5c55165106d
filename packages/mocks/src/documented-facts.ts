// Behaviour Atlas documents beyond its spec, as the overlay of specs/ records it and
// `pnpm generate` compiled it: the error codes of each answer, the rate-limit sets and Digest.
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
