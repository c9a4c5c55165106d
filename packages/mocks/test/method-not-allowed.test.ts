// A known operation path with another method (issue 14, item 10): HTTP's 405 with `Allow`
// (RFC 9110 §15.5.6), not a 404. Paths no operation has stay 404 RESOURCE_NOT_FOUND.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { judgeApiError, read, requestFor, sunsetOf } from './support.ts';

const clock = () => new Date('2025-12-01T12:00:00Z');

describe('405 Method Not Allowed', () => {
  it.each([
    ['downloadClusterBackupTenant', 'GET', 'POST'],
    ['downloadClusterBackupTenant', 'PUT', 'POST'],
    ['downloadFlexBackup', 'DELETE', 'POST'],
    ['getBackupTenantRestore', 'POST', 'GET'],
    ['getFlexRestoreJob', 'PATCH', 'GET'],
  ] as const)('%s with %s → 405, Allow: %s', async (id, method, allow) => {
    const { handlers } = createAtlasHandlers({ clock });
    const answer = await read(await getResponse(handlers, requestFor(id, { method })));
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allow);
    expect(answer.body.errorCode).toBe('METHOD_NOT_ALLOWED');
    expect(answer.body.reason).toBe('Method Not Allowed');
    expect(answer.body.parameters).toEqual([method]);
    expect(judgeApiError(answer)).toEqual([]);
  });

  it('is answered before every step, as routing is (credentials, Accept, sunset, scenario, rate limit)', async () => {
    const afterSunset = new Date((sunsetOf('downloadClusterBackupTenant') as Date).getTime() + 1);
    const id = 'downloadClusterBackupTenant';
    const cases = [
      { headers: { authorization: undefined } },
      { headers: { accept: '*/*' } },
      { headers: { 'content-type': 'text/plain' } },
      { options: { clock: () => afterSunset } },
      { options: { scenario: { [id]: { status: 409 as const } } } },
      { options: { rateLimit: { capacity: 1, refillTokens: 1, refillIntervalMs: 3_600_000 } }, drain: true },
    ];
    for (const c of cases) {
      const { handlers } = createAtlasHandlers({ clock, ...c.options });
      if (c.drain) await getResponse(handlers, requestFor(id));
      const request = requestFor(id, { method: 'PUT', headers: c.headers ?? {} });
      expect((await getResponse(handlers, request))?.status, JSON.stringify(c)).toBe(405);
    }
  });

  it('honours envelope=true', async () => {
    const { handlers } = createAtlasHandlers({ clock });
    const answer = await read(
      await getResponse(handlers, requestFor('getFlexRestoreJob', { method: 'POST', query: 'envelope=true' })),
    );
    expect(answer.status).toBe(405);
    expect(answer.body.status).toBe(405);
    expect(answer.body.content.errorCode).toBe('METHOD_NOT_ALLOWED');
  });

  it("is left to msw with unmatched: 'unhandled'", async () => {
    const { handlers } = createAtlasHandlers({ clock, unmatched: 'unhandled' });
    expect(await getResponse(handlers, requestFor('downloadFlexBackup', { method: 'PUT' }))).toBeUndefined();
  });
});
