// Scenario values come from JavaScript at run time (Pact state handlers feed JSON): each bad
// value is a TypeError naming its key, never a bad header, a silent change or a cryptic failure
// (issue 14, item 7).
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAtlasHandlers } from '../src/index.ts';
import { read, requestFor } from './support.ts';

const clock = () => new Date('2025-12-01T12:00:00Z');

describe('scenario values are checked at run time', () => {
  it.each([
    [{ downloadFlexBackup: { status: 429, retryAfter: -5 } }, /scenario\.downloadFlexBackup\.retryAfter/],
    [{ downloadFlexBackup: { status: 429, retryAfter: 1.5 } }, /scenario\.downloadFlexBackup\.retryAfter/],
    [{ downloadFlexBackup: { status: 429, retryAfter: 'soon' } }, /scenario\.downloadFlexBackup\.retryAfter/],
    [{ downloadFlexBackup: { status: 429, retryAfter: Number.NaN } }, /scenario\.downloadFlexBackup\.retryAfter/],
    [{ downloadFlexBackup: { status: 404, retryAfter: 3 } }, /scenario\.downloadFlexBackup\.retryAfter/],
    [{ downloadFlexBackup: { status: 404, errorCode: 42 } }, /scenario\.downloadFlexBackup\.errorCode/],
    [{ downloadFlexBackup: { status: 404, errorCode: '' } }, /scenario\.downloadFlexBackup\.errorCode/],
    [{ downloadFlexBackup: { status: 404, detail: { a: 1 } } }, /scenario\.downloadFlexBackup\.detail/],
    [{ downloadFlexBackup: { status: 400, fields: 'nope' } }, /scenario\.downloadFlexBackup\.fields/],
    [{ downloadFlexBackup: { status: 400, fields: [{ field: 1 }] } }, /scenario\.downloadFlexBackup\.fields\[0\]/],
    [{ downloadFlexBackup: { status: 404, fields: [] } }, /scenario\.downloadFlexBackup\.fields/],
    [{ downloadFlexBackup: { status: 404, errorcode: 'X' } }, /scenario\.downloadFlexBackup\.errorcode is unknown/],
    [{ downloadFlexBackup: null }, /scenario\.downloadFlexBackup must be an object/],
    [{ downloadFlexBackup: [] }, /scenario\.downloadFlexBackup must be an object/],
    [{ downloadFlexBackup: 'status: 404' }, /scenario\.downloadFlexBackup must be an object/],
    [{ latencyMs: 1e12 }, /scenario\.latencyMs/],
    [{ latencyMs: '5' }, /scenario\.latencyMs/],
    [{ restoreOutcome: null }, /scenario\.restoreOutcome/],
    [null, /scenario must be an object/],
  ])('%j → TypeError', (scenario, message) => {
    const { atlas } = createAtlasHandlers({ clock });
    expect(() => atlas.setScenario(scenario as never)).toThrow(TypeError);
    expect(() => atlas.setScenario(scenario as never)).toThrow(message);
    expect(() => createAtlasHandlers({ clock, scenario: scenario as never })).toThrow(message);
  });

  it('retryAfter 0 is sent as 0 (a valid delay-seconds), not changed to 1', async () => {
    const { handlers } = createAtlasHandlers({
      clock,
      scenario: { downloadFlexBackup: { status: 429, retryAfter: 0 } },
    });
    const answer = await read(await getResponse(handlers, requestFor('downloadFlexBackup')));
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('0');
  });

  it('a rejected scenario leaves the one in force', async () => {
    const { atlas } = createAtlasHandlers({ clock, scenario: { downloadFlexBackup: { status: 404 } } });
    expect(() => atlas.setScenario({ downloadFlexBackup: { status: 429, retryAfter: -1 } })).toThrow(TypeError);
    expect(atlas.scenario).toEqual({ downloadFlexBackup: { status: 404 } });
  });

  it('the latencyMs option is checked the same way', () => {
    expect(() => createAtlasHandlers({ latencyMs: 1e12 })).toThrow(/latencyMs/);
    expect(() => createAtlasHandlers({ latencyMs: -1 })).toThrow(/latencyMs/);
  });

  it('seeded jobs from JSON are checked too', () => {
    const { atlas } = createAtlasHandlers({ clock });
    expect(() => atlas.seedRestoreJob({ api: 'cloud' } as never)).toThrow(/seedRestoreJob\.api/);
    expect(() => atlas.seedRestoreJob({ api: 'flex', status: 'DONE' } as never)).toThrow(/seedRestoreJob\.status/);
    expect(() => atlas.seedRestoreJob({ api: 'flex', groupId: 7 } as never)).toThrow(/seedRestoreJob\.groupId/);
    expect(() => atlas.seedRestoreJob(null as never)).toThrow(/seedRestoreJob/);
  });
});
