import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDrift } from '../src/check.ts';
import { loadDocument } from '../src/load.ts';
import { triples } from './helpers.ts';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface Expected {
  now: string;
  verbose?: boolean;
  breaking: boolean;
  changes: Array<{ severity: string; kind: string; location: string }>;
  matchedBy?: 'path' | 'operationId';
  lifecycle?: Record<string, unknown>;
  messageIncludes?: string;
  hiddenDocOnly?: number;
}

describe('fixture per rule: test/fixtures/<case>/{baseline.yaml, upstream.yaml, expected.json}', () => {
  it('has the rule fixtures (guards against an empty or missing folder)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(95);
  });

  it.each(cases)('%s', async (name) => {
    const dir = join(FIXTURES, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const baseline = await loadDocument(join(dir, 'baseline.yaml'));
    const upstream = await loadDocument(join(dir, 'upstream.yaml'));
    const { report } = checkDrift({
      baseline: baseline.doc,
      baselineSource: 'baseline.yaml',
      upstream: upstream.doc,
      upstreamSource: 'upstream.yaml',
      now: new Date(`${expected.now}T00:00:00Z`),
      verbose: expected.verbose === true,
    });
    expect(triples(report.changes)).toEqual(triples(expected.changes));
    expect(report.breaking).toBe(expected.breaking);
    // exactly the expected number of each severity (no duplicate reports)
    expect(report.changes).toHaveLength(expected.changes.length);
    for (const change of report.changes) {
      expect(change.kind).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(change.message.length).toBeGreaterThan(5);
    }
    if (expected.matchedBy) expect(report.operation.upstream.matchedBy).toBe(expected.matchedBy);
    if (expected.lifecycle) expect(report.lifecycle).toMatchObject(expected.lifecycle);
    if (expected.messageIncludes) expect(report.changes[0]?.message).toContain(expected.messageIncludes);
    if (expected.hiddenDocOnly !== undefined) expect(report.summary.hiddenDocOnly).toBe(expected.hiddenDocOnly);
  });
});
