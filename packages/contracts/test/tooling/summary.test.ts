import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/summary.ts';

describe('formatSummary', () => {
  it('prints one aligned row per step with interactions, passed/failed, time and result', () => {
    const text = formatSummary([
      {
        step: 'consumer',
        proves: 'the client keeps the contract',
        interactions: 13,
        passed: 13,
        failed: 0,
        durationMs: 3456,
        status: 'passed',
      },
      {
        step: 'verify-prism',
        proves: 'the spec allows it',
        interactions: 12,
        excluded: 1,
        passed: 13,
        failed: 1,
        durationMs: 2000,
        status: 'failed',
      },
      {
        step: 'compare',
        proves: 'pact fits the spec',
        interactions: null,
        passed: null,
        failed: null,
        durationMs: 0,
        status: 'skipped',
      },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^step\s+proves\s+interactions\s+passed\s+failed\s+time\s+result$/);
    expect(lines[2]).toMatch(/^consumer\s+the client keeps the contract\s+13\s+13\s+0\s+3\.5 s\s+ok$/);
    expect(lines[3]).toMatch(/^verify-prism\s+the spec allows it\s+12 \(\+1 excluded\)\s+13\s+1\s+2\.0 s\s+FAILED$/);
    expect(lines[4]).toMatch(/^compare\s+pact fits the spec\s+-\s+-\s+-\s+-\s+skipped$/);
    expect(lines.at(-1)).toBe('total 5.5 s');
    // Columns line up: every row's "result" column starts at the same offset.
    const offsets = lines.slice(0, 5).map((l) => l.lastIndexOf('  ') + 2);
    expect(new Set(offsets).size).toBe(1);
  });
});
