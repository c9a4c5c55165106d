// The newest COMPLETED snapshot of a Flex cluster: what a migrating caller downloads when it held
// no snapshot id of its own (the tenant route took whatever id the caller had). Every page of
// listFlexBackupSnapshots is read, at the largest page size the spec allows, up to a bound.
import { operations } from '@atlas-kit/openapi';
import type { AtlasClient, CallOptions } from './client.ts';
import { AtlasApiError } from './errors.ts';
import type { FlexBackupSnapshot, PathParams } from './operations.ts';

export interface LatestSnapshotOptions extends CallOptions {
  /** Pages read at most (each of the spec's largest size, 500). Default 20: 10 000 snapshots. */
  maxPages?: number;
}

const PAGE_SIZE = operations.listFlexBackupSnapshots.parameters.find((p) => p.name === 'itemsPerPage')?.maximum ?? 100;
const DEFAULT_MAX_PAGES = 20;

/** When a snapshot finished: `finishTime`, else `startTime` (ISO 8601 UTC strings sort as text). */
const finishedAt = (s: FlexBackupSnapshot) => s.finishTime ?? s.startTime ?? '';

export async function findLatestFlexSnapshot(
  client: AtlasClient,
  path: PathParams<'listFlexBackupSnapshots'>,
  options: LatestSnapshotOptions = {},
): Promise<FlexBackupSnapshot | undefined> {
  const { maxPages = DEFAULT_MAX_PAGES, ...callOptions } = options;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new TypeError(`latestFlexSnapshot: maxPages must be a positive integer, got ${String(maxPages)}`);
  }
  let latest: FlexBackupSnapshot | undefined;
  let seen = 0;
  for (let pageNum = 1; pageNum <= maxPages; pageNum++) {
    const { data, operationId, status } = await client.listFlexBackupSnapshots(
      path,
      { pageNum, itemsPerPage: PAGE_SIZE, includeCount: true },
      callOptions,
    );
    const results = data.results;
    if (!Array.isArray(results)) {
      throw new AtlasApiError({ operationId, status, detail: 'the snapshot page has no results array', rateLimit: {} });
    }
    for (const snapshot of results) {
      if (snapshot.status === 'COMPLETED' && (latest === undefined || finishedAt(snapshot) > finishedAt(latest))) {
        latest = snapshot;
      }
    }
    seen += results.length;
    const total = data.totalCount;
    if (results.length < PAGE_SIZE || (typeof total === 'number' && seen >= total)) return latest;
  }
  throw new AtlasApiError({
    operationId: 'listFlexBackupSnapshots',
    status: 200,
    detail: `more than ${maxPages * PAGE_SIZE} snapshots: raise maxPages to read them all`,
    rateLimit: {},
  });
}
