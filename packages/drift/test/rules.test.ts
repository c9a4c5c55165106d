import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderKindsTable } from '../scripts/readme-kinds.ts';
import { change } from '../src/change.ts';
import { type Kind, ruleRows, SCHEMA_PREFIXES, severityOf } from '../src/rules.ts';
import { expectedOf, fixtureCases } from './fixture-cases.ts';

/*
 * The rule table (src/rules.ts) drives the fixtures: every rule — in each direction for schema rules,
 * and in its escalated severity for lifecycle rules — needs a fixture whose expected.json shows it
 * with that severity, and no fixture may expect a kind or severity the table does not give.
 */

interface Shown {
  fixture: string;
  severity: string;
  kind: string;
  escalated: boolean;
}

const shown: Shown[] = fixtureCases.flatMap((fixture) => {
  const e = expectedOf(fixture);
  // the fixture says when it expects the lifecycle rules' escalated severity (strict, or callers left)
  const escalated = e.escalated === true;
  return e.changes.map((c) => ({ fixture, severity: c.severity, kind: c.kind, escalated }));
});

/** Bounds share a row per side and change (`request-*-<lower bound>-increased`): one fixture covers the family. */
const family = (kind: string) =>
  kind
    .replace(/-(minimum|exclusive-minimum|min-length|min-items|min-properties)-/, '-<lower>-')
    .replace(/-(maximum|exclusive-maximum|max-length|max-items|max-properties)-/, '-<upper>-');

interface Need {
  label: string;
  matches: (kind: string) => boolean;
  severity: string;
  escalated: boolean;
}

const needs: Need[] = ruleRows().flatMap((row): Need[] => {
  if (!row.schemaRule) {
    const base = { label: row.id, matches: (k: string) => k === row.id };
    const out: Need[] = [{ ...base, severity: row.severity as string, escalated: false }];
    if (row.escalated) out.push({ ...base, label: `${row.id} (escalated)`, severity: row.escalated, escalated: true });
    return out;
  }
  const sides = row.severity as { request: string; response: string };
  return (['request', 'response'] as const).map((dir) => {
    const prefixes = SCHEMA_PREFIXES.filter((p) => p.startsWith(dir));
    const wanted = family(`x-${row.schemaRule}`).slice(2);
    return {
      label: `${dir}-*-${wanted}`,
      matches: (k: string) => prefixes.some((p) => k.startsWith(`${p}-`) && family(k).slice(p.length + 1) === wanted),
      severity: sides[dir],
      escalated: false,
    };
  });
});

describe('the rule table drives the fixtures', () => {
  it('the table has the rules (guards against an empty table)', () => {
    expect(ruleRows().length).toBeGreaterThan(100);
  });

  it('every rule, per direction and escalation, has a fixture showing it with the severity the table gives', () => {
    const seen = new Set<string>();
    const missing = needs
      .filter((n) => {
        const key = `${n.label} ${n.severity}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return !shown.some((s) => n.matches(s.kind) && s.severity === n.severity && s.escalated === n.escalated);
      })
      .map((n) => `${n.label} (${n.severity})`);
    expect(missing, `rules without a fixture:\n${missing.join('\n')}`).toEqual([]);
  });

  it('no fixture expects a kind or severity the table does not give (stale or mistyped fixtures)', () => {
    const wrong = shown
      .filter((s) => {
        try {
          return severityOf(s.kind as Kind, s.escalated) !== s.severity;
        } catch {
          return true;
        }
      })
      .map((s) => `${s.fixture}: ${s.severity} ${s.kind}`);
    expect(wrong).toEqual([]);
  });

  it('messages come from the table: every placeholder filled, values quoted and cut', () => {
    const c = change('request-property-enum-value-removed', 'x', { values: { quote: ['A'.repeat(500)] } });
    expect(c.severity).toBe('breaking');
    expect(c.message).toMatch(/^enum value\(s\) removed: \["A+…$/);
    expect(c.message.length).toBeLessThan(200);
    expect(change('operation-removed-after-sunset', 'operation', {}, { escalated: true }).severity).toBe('breaking');
    expect(change('operation-removed-after-sunset', 'operation').severity).toBe('warning');
  });

  it('the README "Change kinds" table is rendered from the table (pnpm --filter @atlas-kit/drift readme)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('<!-- kinds:start -->');
    const end = readme.indexOf('<!-- kinds:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start, end + '<!-- kinds:end -->'.length)).toBe(renderKindsTable());
  });
});
