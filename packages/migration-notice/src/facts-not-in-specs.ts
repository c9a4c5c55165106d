// The ONLY hand-typed facts of this package: things no fragment in specs/ states. Everything
// else comes from src/generated/facts.ts, which scripts/generate.ts derives from specs/.

/**
 * Earlier operationIds of the deprecated operation.
 *
 * `downloadSharedClusterBackup`: the operationId of the same POST .../backup/tenant/download in
 * upstream mongodb/atlas-sdk-go `openapi/atlas-api.yaml` at commit 50f2fbfb (2025-06-30); the
 * transformed file of 2026-03-05 (45c251aa), which specs/tenant-download.yaml follows, renamed it
 * to `downloadClusterBackupTenant` and keeps no trace of the old id (no
 * x-xgen-operation-id-override, not in the description or docs links).
 */
export const formerOperationIds = ['downloadSharedClusterBackup'] as const;

/**
 * The date sent in the `Deprecation` header by default.
 *
 * No upstream file says when downloadClusterBackupTenant was deprecated: the operation has no
 * x-xgen-changelog, and its description names only the sunset. The earliest evidence at hand is
 * upstream `openapi/atlas-api.yaml` at commit 50f2fbfb (2025-06-30), which already marks it
 * `deprecated: true`. So the kit sends that day: a documented "deprecated no later than", not a
 * claim about the day Atlas flipped the flag. Callers that know better pass `deprecatedAt`.
 */
export const deprecationEvidenceDay = '2025-06-30';
