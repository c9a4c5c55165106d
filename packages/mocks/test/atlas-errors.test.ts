// Atlas's error shape and codes (issue 14, items 1 and 2): every error body is
// `{detail, error, errorCode, parameters, reason}`; a failed authentication is Atlas's generic
// UNAUTHORIZED; a scenario without a code takes the endpoint's documented code, else the generic
// code of the status — never an upstream example that upstream itself marks as unrelated.

import flexBackup from '@atlas-kit/openapi/documents/flex-backup.json' with { type: 'json' };
import tenantDownload from '@atlas-kit/openapi/documents/tenant-download.json' with { type: 'json' };
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { atlasOperationIds, documentedStatuses, judge, origin, read, requestFor } from './support.ts';

const clock = () => new Date('2025-12-01T12:00:00Z');

async function ask(id: (typeof atlasOperationIds)[number], scenario = {}, over = {}) {
  const { handlers, atlas } = createAtlasHandlers({ clock, scenario });
  if (id.startsWith('get')) atlas.seedRestoreJob({ api: id.includes('Flex') ? 'flex' : 'tenant' });
  const answer = await read(await getResponse(handlers, requestFor(id, over)));
  expect(judge(id, answer)).toEqual([]);
  return answer;
}

// Upstream marks every components/responses example "(This is just an example, the exception may
// not be related to this endpoint)". Four of them are nonetheless Atlas's generic codes for their
// status, which every resource answers; the others belong to other endpoints.
const genericCodes = ['VALIDATION_ERROR', 'RESOURCE_NOT_FOUND', 'RATE_LIMITED', 'UNEXPECTED_ERROR'];
const unrelatedExampleCodes = [tenantDownload, flexBackup]
  .flatMap((doc) => Object.values<any>(doc.components.responses ?? {}))
  .map((r) => r.content?.['application/json']?.example)
  .filter((e) => /not be related to this endpoint/.test(e?.detail ?? ''))
  .map((e) => e.errorCode as string)
  .filter((code, i, all) => !genericCodes.includes(code) && all.indexOf(code) === i);

describe.each(atlasOperationIds)('%s error bodies', (id) => {
  const statuses = documentedStatuses(id).filter((s) => s !== 200);

  it.each(statuses)('scenario %i carries parameters (an array), as Atlas does', async (status) => {
    const answer = await ask(id, { [id]: { status } });
    expect(answer.status).toBe(status);
    expect(Object.keys(answer.body).sort()).toEqual(
      expect.arrayContaining(['detail', 'error', 'errorCode', 'parameters', 'reason']),
    );
    expect(Array.isArray(answer.body.parameters)).toBe(true);
  });

  it('a failed authentication is UNAUTHORIZED, "You are not authorized for this resource."', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer a b']) {
      const answer = await ask(id, {}, { headers: { authorization } });
      expect(answer.status).toBe(401);
      expect(answer.body.errorCode).toBe('UNAUTHORIZED');
      expect(answer.body.detail).toMatch(/^You are not authorized for this resource\./);
      expect(answer.body.parameters).toEqual([]);
    }
  });

  it.each(statuses)('scenario %i without a code never answers an unrelated upstream example code', async (status) => {
    const answer = await ask(id, { [id]: { status } });
    expect(unrelatedExampleCodes).not.toContain(answer.body.errorCode);
  });
});

describe('defaults', () => {
  it('finds the unrelated upstream examples it guards against', () => {
    expect(unrelatedExampleCodes.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['getBackupTenantRestore', 401, 'UNAUTHORIZED'],
    ['downloadFlexBackup', 401, 'UNAUTHORIZED'],
    ['getFlexRestoreJob', 401, 'UNAUTHORIZED'],
    ['downloadClusterBackupTenant', 401, 'TENANT_SNAPSHOT_ACCESS_DENIED'],
    ['downloadClusterBackupTenant', 409, 'CANNOT_DOWNLOAD_INCOMPLETE_SNAPSHOT'],
  ] as const)('%s scenario %i → %s', async (id, status, code) => {
    const answer = await ask(id, { [id]: { status } });
    expect(answer.body.errorCode).toBe(code);
  });

  it('the other error answers carry parameters too (validation, not found, 406, 410)', async () => {
    const bad = await ask('downloadFlexBackup', {}, { body: { snapshotId: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.parameters).toEqual([]);
    const { handlers: fresh } = createAtlasHandlers({ clock });
    const unknownJob = await read(await getResponse(fresh, requestFor('getFlexRestoreJob')));
    expect(unknownJob.status).toBe(404);
    expect(judge('getFlexRestoreJob', unknownJob)).toEqual([]);
    expect(Array.isArray(unknownJob.body.parameters)).toBe(true);
    const notAcceptable = await ask('getFlexRestoreJob', {}, { headers: { accept: '*/*' } });
    expect(notAcceptable.status).toBe(406);
    expect(notAcceptable.body.parameters).toEqual([]);
    const notFound = await read(await getResponse(fresh, new Request(`${origin}/api/atlas/v2/x`)));
    expect(notFound.status).toBe(404);
    expect(notFound.body.parameters).toEqual([]);
  });
});
