// The clock pins the lifecycle: Deprecation/Sunset/Link (built by @atlas-kit/migration-notice)
// before the sunset, 410 VERSION_GONE on the tenant operations after it; Flex keeps working.
import { buildDeprecationHeaders } from '@atlas-kit/migration-notice';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { type atlasOperationIds, judge, read, requestFor, sunsetOf } from './support.ts';

const tenantSunset = sunsetOf('downloadClusterBackupTenant') as Date;
const justBefore = new Date(tenantSunset.getTime() - 1);
const atSunset = new Date(tenantSunset.getTime());

async function answerAt(id: (typeof atlasOperationIds)[number], at: Date) {
  const { handlers, atlas } = createAtlasHandlers({ clock: () => at });
  if (id.startsWith('get')) atlas.seedRestoreJob({ api: id.includes('Flex') ? 'flex' : 'tenant' });
  const answer = await read(await getResponse(handlers, requestFor(id)));
  expect(judge(id, answer)).toEqual([]);
  return answer;
}

describe('lifecycle', () => {
  it('the sunset comes from the spec', () => {
    expect(tenantSunset.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(sunsetOf('getBackupTenantRestore')?.getTime()).toBe(tenantSunset.getTime());
    expect(sunsetOf('downloadFlexBackup')).toBeUndefined();
  });

  it.each(['downloadClusterBackupTenant', 'getBackupTenantRestore'] as const)(
    '%s before the sunset: 200 with the migration-notice headers',
    async (id) => {
      const answer = await answerAt(id, justBefore);
      expect(answer.status).toBe(200);
      const expected = buildDeprecationHeaders({ sunset: sunsetOf(id) as Date, operationId: id });
      for (const [name, value] of Object.entries(expected)) expect(answer.headers.get(name)).toBe(value);
    },
  );

  it('each tenant operation links its own deprecation page', async () => {
    const download = (await answerAt('downloadClusterBackupTenant', justBefore)).headers.get('link');
    const poll = (await answerAt('getBackupTenantRestore', justBefore)).headers.get('link');
    expect(download).not.toBe(poll);
  });

  it.each(['downloadClusterBackupTenant', 'getBackupTenantRestore'] as const)(
    '%s from the sunset on: 410 VERSION_GONE',
    async (id) => {
      for (const at of [atSunset, new Date('2027-06-01T00:00:00Z')]) {
        const answer = await answerAt(id, at);
        expect(answer.status).toBe(410);
        expect(answer.body.errorCode).toBe('VERSION_GONE');
        expect(answer.headers.get('content-type')).toBe('application/json');
      }
    },
  );

  it.each(['downloadFlexBackup', 'getFlexRestoreJob'] as const)(
    '%s keeps working after the sunset, without deprecation headers',
    async (id) => {
      const answer = await answerAt(id, new Date('2027-06-01T00:00:00Z'));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('deprecation')).toBeNull();
      expect(answer.headers.get('sunset')).toBeNull();
    },
  );

  it('setClock moves a live handler set past the sunset; reset() restores the option clock', async () => {
    const { handlers, atlas } = createAtlasHandlers({ clock: () => justBefore });
    const status = async () => (await getResponse(handlers, requestFor('downloadClusterBackupTenant')))?.status;
    expect(await status()).toBe(200);
    atlas.setClock(() => atSunset);
    expect(await status()).toBe(410);
    atlas.reset();
    expect(await status()).toBe(200);
  });

  it('a clock that returns no valid Date answers 500 with a clear detail, never throws', async () => {
    const { handlers } = createAtlasHandlers({ clock: () => new Date('nope') });
    const answer = await read(await getResponse(handlers, requestFor('downloadFlexBackup')));
    expect(answer.status).toBe(500);
    expect(answer.body.detail).toMatch(/clock option must return a valid Date/);
    expect(judge('downloadFlexBackup', answer)).toEqual([]);
  });
});
