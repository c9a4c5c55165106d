// The rule fixtures of test/fixtures/: listed, read and run (shared by fixtures.test.ts and rules.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Caller, checkDrift } from '../src/check.ts';
import { loadDocument } from '../src/load.ts';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

export interface Expected {
  now: string;
  verbose?: boolean;
  strictLifecycle?: boolean;
  callers?: Caller[];
  /** the lifecycle change is expected at its escalated severity (read by rules.test.ts) */
  escalated?: boolean;
  breaking: boolean;
  changes: Array<{ severity: string; kind: string; location: string }>;
  matchedBy?: 'path' | 'operationId';
  lifecycle?: Record<string, unknown>;
  messageIncludes?: string;
  hiddenDocOnly?: number;
}

export const fixtureCases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

export const expectedOf = (name: string): Expected =>
  JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;

/** Checks a fixture's baseline (one operation) against its upstream, as the CLI would with --baseline. */
export async function runFixture(name: string) {
  const dir = join(FIXTURES, name);
  const expected = expectedOf(name);
  const baseline = await loadDocument(join(dir, 'baseline.yaml'));
  const upstream = await loadDocument(join(dir, 'upstream.yaml'));
  const { report } = checkDrift({
    baselines: [{ doc: baseline.doc, source: 'baseline.yaml' }],
    upstreams: [{ doc: upstream.doc, source: 'upstream.yaml' }],
    now: new Date(`${expected.now}T00:00:00Z`),
    verbose: expected.verbose === true,
    strictLifecycle: expected.strictLifecycle === true,
    ...(expected.callers ? { callers: expected.callers } : {}),
  });
  return { report, expected };
}
