// The scenarios configure @atlas-kit/mocks as documented: checked with msw's getResponse, no page involved.
import { sunsetDate } from '@atlas-kit/migration-notice';
import { createAtlasHandlers } from '@atlas-kit/mocks';
import { validateResponse } from '@atlas-kit/openapi/responses';
import { getResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { DEMO_TOKEN } from '../src/app.ts';
import { mockOptionsFor, scenarioHandlers } from '../src/mock-options.ts';
import { afterSunset, beforeSunset, type ScenarioId, scenarioIds, scenarios } from '../src/scenarios.ts';
import { downloadRefusalCodes, sampleValues } from '../src/spec-facts.ts';

const base = `https://cloud.mongodb.com/api/atlas/v2/groups/${sampleValues.groupId}/clusters/${sampleValues.clusterName}/backup/tenant`;
const MT = 'application/vnd.atlas.2023-01-01+json';
const post = (token = DEMO_TOKEN) =>
  new Request(`${base}/download`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, Accept: MT, 'Content-Type': MT },
    body: JSON.stringify({ snapshotId: sampleValues.snapshotId, targetDeploymentItemName: sampleValues.clusterName }),
  });
const tuning = { pollIntervalMs: 10, bearerTokens: [DEMO_TOKEN] };
const answer = async (id: keyof typeof scenarios, req: Request) => {
  const res = await getResponse(createAtlasHandlers(mockOptionsFor(scenarios[id], tuning)).handlers, req);
  if (!res) throw new Error('no handler answered');
  return res;
};

describe('scenario → mock options', () => {
  test('the dates sit on either side of the sunset from migration-notice', () => {
    expect(beforeSunset.getTime()).toBeLessThan(sunsetDate.getTime());
    expect(afterSunset.getTime()).toBeGreaterThan(sunsetDate.getTime());
  });

  test('happy: 200 PENDING with the deprecation headers', async () => {
    const res = await answer('happy', post());
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('PENDING');
    expect(res.headers.get('Sunset')).not.toBeNull();
  });

  test('only the demo token is accepted', async () => {
    expect((await answer('happy', post('another-token'))).status).toBe(401);
  });

  test('bad-request: a 400 in Atlas’ documented error shape, with a refusal Atlas documents for the download', async () => {
    const res = await answer('bad-request', post());
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    // The spec's ApiError schema (detail, error, errorCode, parameters, reason, badRequestDetail).
    const problems = validateResponse({
      operationId: 'downloadClusterBackupTenant',
      status: 400,
      headers: res.headers,
      body,
    });
    expect(problems).toEqual([]);
    expect(body).toMatchObject({
      error: 400,
      reason: 'Bad Request',
      errorCode: 'CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY',
    });
    expect(downloadRefusalCodes).toContain(body.errorCode);
    expect(body.detail).toMatch(/concurrently/);
    // Not a field violation: the request's values are well-formed, so no field is named.
    expect(body).not.toHaveProperty('badRequestDetail');
  });

  test('after-sunset: the tenant download answers 410', async () => {
    const res = await answer('after-sunset', post());
    expect(res.status).toBe(410);
  });

  test('rate-limited: the third request in a row meets 429 with a short Retry-After', async () => {
    const handlers = createAtlasHandlers(mockOptionsFor(scenarios['rate-limited'], tuning)).handlers;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const res = await getResponse(handlers, post());
      statuses.push(res?.status ?? 0);
      if (res?.status === 429) retryAfter = res.headers.get('Retry-After');
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(2);
  });

  test('no-snapshot: the prefilled Flex cluster lists no snapshot; every other scenario lists the example’s', async () => {
    const listing = (groupId: string, cluster: string) =>
      new Request(
        `https://cloud.mongodb.com/api/atlas/v2/groups/${groupId}/flexClusters/${cluster}/backup/snapshots?includeCount=true`,
        { headers: { Authorization: `Bearer ${DEMO_TOKEN}`, Accept: 'application/vnd.atlas.2024-11-13+json' } },
      );
    const count = async (id: ScenarioId, groupId = sampleValues.groupId, cluster = sampleValues.clusterName) => {
      const res = await getResponse(scenarioHandlers(scenarios[id], tuning).handlers, listing(groupId, cluster));
      expect(res?.status).toBe(200);
      const page = (await res?.json()) as { results: unknown[]; totalCount: number };
      expect(page.results).toHaveLength(page.totalCount);
      return page.totalCount;
    };
    expect(await count('no-snapshot')).toBe(0);
    // Only that cluster: another one still has the example's snapshots.
    expect(await count('no-snapshot', sampleValues.groupId, 'OtherCluster')).toBeGreaterThan(0);
    for (const id of scenarioIds.filter((s) => s !== 'no-snapshot')) expect(await count(id), id).toBeGreaterThan(0);
  });
});
