// Every selectable status of every operation, judged by the spec (status, headers, media type, body).
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers, endpointErrorCodes } from '../src/index.ts';
import { atlasOperationIds, documentedStatuses, example, judge, mediaTypes, read, requestFor } from './support.ts';

const beforeSunset = () => new Date('2025-12-01T12:00:00Z');

describe.each(atlasOperationIds)('%s', (id) => {
  const mock = (scenario = {}) => createAtlasHandlers({ clock: beforeSunset, scenario });
  const seedIfPoll = (atlas: ReturnType<typeof mock>['atlas']) => {
    if (id.startsWith('get')) atlas.seedRestoreJob({ api: id.includes('Flex') ? 'flex' : 'tenant' });
  };

  it('answers 200 with the vendor media type and a schema-valid body', async () => {
    const { handlers, atlas } = mock();
    seedIfPoll(atlas);
    const answer = await read(await getResponse(handlers, requestFor(id)));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(mediaTypes[id]);
    expect(judge(id, answer)).toEqual([]);
  });

  const selectable = documentedStatuses(id).filter((s) => s !== 200);
  it.each(selectable)('scenario status %i answers as documented', async (status) => {
    const { handlers, atlas } = mock();
    seedIfPoll(atlas);
    atlas.setScenario({ [id]: { status } } as never);
    const answer = await read(await getResponse(handlers, requestFor(id)));
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.body.error).toBe(status);
    expect(judge(id, answer)).toEqual([]);
    if (status === 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    if (status === 401) expect(answer.headers.get('www-authenticate')).toMatch(/^Digest realm="MMS Public API"/);
  });
});

const withCodes = atlasOperationIds.filter((id) => Object.keys(endpointErrorCodes[id]).length > 0);

describe.each(withCodes)('%s documented endpoint error codes', (id) => {
  const cases = Object.entries(endpointErrorCodes[id] as Record<string, readonly string[]>).flatMap(([status, list]) =>
    list.map((code) => [Number(status), code] as const),
  );
  it.each(cases)('status %i with %s', async (status, errorCode) => {
    const { handlers, atlas } = createAtlasHandlers({ clock: beforeSunset });
    atlas.setScenario({ [id]: { status, errorCode } } as never);
    const answer = await read(await getResponse(handlers, requestFor(id)));
    expect(answer.status).toBe(status);
    expect(answer.body.errorCode).toBe(errorCode);
    expect(judge(id, answer)).toEqual([]);
  });
});

describe('documented endpoint codes are the defaults', () => {
  it.each([
    [400, 'CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY'],
    [401, 'TENANT_SNAPSHOT_ACCESS_DENIED'],
    [404, 'TENANT_SNAPSHOT_NOT_FOUND'],
    [409, 'CANNOT_DOWNLOAD_INCOMPLETE_SNAPSHOT'],
    [429, 'RATE_LIMITED'],
  ] as const)('downloadClusterBackupTenant %i → %s', async (status, code) => {
    const { handlers } = createAtlasHandlers({
      clock: beforeSunset,
      scenario: { downloadClusterBackupTenant: { status } },
    });
    const answer = await read(await getResponse(handlers, requestFor('downloadClusterBackupTenant')));
    expect(answer.body.errorCode).toBe(code);
  });

  it('a scenario detail and retryAfter are used as given', async () => {
    const { handlers } = createAtlasHandlers({
      clock: beforeSunset,
      scenario: { downloadFlexBackup: { status: 429, retryAfter: 17, detail: 'slow down' } },
    });
    const answer = await read(await getResponse(handlers, requestFor('downloadFlexBackup')));
    expect(answer.headers.get('retry-after')).toBe('17');
    expect(answer.headers.get('ratelimit-remaining')).toBe('0');
    expect(answer.body.detail).toBe('slow down');
  });
  it('a selected 400 carries the given badRequestDetail.fields, valid under the spec', async () => {
    const fields = [{ field: 'snapshotId', description: 'No snapshot with this ID exists for the cluster.' }];
    const { handlers } = createAtlasHandlers({
      clock: beforeSunset,
      scenario: { downloadClusterBackupTenant: { status: 400, fields } },
    });
    const response = await getResponse(handlers, requestFor('downloadClusterBackupTenant'));
    const answer = await read(response);
    expect(answer.body.badRequestDetail).toEqual({ fields });
    expect(answer.body.errorCode).toBe('VALIDATION_ERROR');
    expect(judge('downloadClusterBackupTenant', answer)).toEqual([]);
  });
});

describe('scenario control at run time', () => {
  it('setScenario replaces, reset returns to the option scenario', async () => {
    const { handlers, atlas } = createAtlasHandlers({
      clock: beforeSunset,
      scenario: { downloadFlexBackup: { status: 500 } },
    });
    const status = async () => (await getResponse(handlers, requestFor('downloadFlexBackup')))?.status;
    expect(await status()).toBe(500);
    atlas.setScenario({ downloadFlexBackup: { status: 403 } });
    expect(await status()).toBe(403);
    atlas.setScenario({});
    expect(await status()).toBe(200);
    atlas.reset();
    expect(await status()).toBe(500);
    expect(atlas.scenario).toEqual({ downloadFlexBackup: { status: 500 } });
  });

  it('rejects an unknown operation, an undocumented status and a bad outcome with a clear message', () => {
    const { atlas } = createAtlasHandlers();
    expect(() => atlas.setScenario({ downloadFlex: { status: 404 } } as never)).toThrow(
      /scenario.downloadFlex is unknown/,
    );
    expect(() => atlas.setScenario({ getFlexRestoreJob: { status: 409 } } as never)).toThrow(
      /getFlexRestoreJob.status must be one of 200, 400, 401, 403, 404, 406, 429, 500/,
    );
    expect(() => atlas.setScenario({ restoreOutcome: 'DONE' } as never)).toThrow(/restoreOutcome/);
    expect(() => createAtlasHandlers({ scenario: { latencyMs: -1 } })).toThrow(/latencyMs/);
  });

  it('the first job id is the example id of the spec', () => {
    const { atlas } = createAtlasHandlers();
    expect(atlas.seedRestoreJob({ api: 'tenant' }).id).toBe(example.jobId);
  });
});
