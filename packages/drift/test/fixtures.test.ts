import { describe, expect, it } from 'vitest';
import { fixtureCases, runFixture } from './fixture-cases.ts';
import { triples } from './helpers.ts';

describe('fixture per rule: test/fixtures/<case>/{baseline.yaml, upstream.yaml, expected.json}', () => {
  it('has the rule fixtures (guards against an empty or missing folder)', () => {
    expect(fixtureCases.length).toBeGreaterThanOrEqual(95);
  });

  it.each(fixtureCases)('%s', async (name) => {
    const { report, expected } = await runFixture(name);
    expect(report.operations).toHaveLength(1);
    const op = report.operations[0];
    if (!op) throw new Error('no operation');
    expect(triples(op.changes)).toEqual(triples(expected.changes));
    expect(report.breaking).toBe(expected.breaking);
    // exactly the expected number of each severity (no duplicate reports)
    expect(op.changes).toHaveLength(expected.changes.length);
    for (const change of op.changes) expect(change.message.length).toBeGreaterThan(5);
    if (expected.matchedBy) expect(op.upstream.matchedBy).toBe(expected.matchedBy);
    if (expected.lifecycle) expect(op.lifecycle).toMatchObject(expected.lifecycle);
    if (expected.messageIncludes) expect(op.changes[0]?.message).toContain(expected.messageIncludes);
    if (expected.hiddenDocOnly !== undefined) expect(op.summary.hiddenDocOnly).toBe(expected.hiddenDocOnly);
  });
});
