// The page's check before anything is sent: every field it shows, all at once, against the spec's
// schemas (spec-facts.ts). The client checks as well, but it stops at the first kind of problem
// (empty fields before malformed ones) and names values the page does not show
// (`targetDeploymentItemName`), and it refuses an empty token by throwing from its constructor.
import type { FieldKey, FieldProblem, FieldProblems, FormValues } from './field-errors.ts';
import { type SnapshotSource, snapshotSourceOf } from './snapshot-source.ts';
import { type FieldRule, fieldRules, meetsRules } from './spec-facts.ts';

function checkValue(value: string, rules: readonly FieldRule[]): FieldProblem | undefined {
  if (value === '') return { origin: 'page', kind: 'missing' };
  return meetsRules(value, rules) ? undefined : { origin: 'page', kind: 'invalid' };
}

/** The problems of `values` (trimmed, as they are sent), by field; `fields` is empty when all is well. */
export function checkForm(values: FormValues, source: SnapshotSource = snapshotSourceOf(values)): FieldProblems {
  const found: [FieldKey, FieldProblem | undefined][] = [
    ['groupId', checkValue(values.groupId.trim(), fieldRules.groupId)],
    ['clusterName', checkValue(values.clusterName.trim(), fieldRules.clusterName)],
    ['snapshotId', source.kind === 'id' ? checkValue(source.snapshotId, fieldRules.snapshotId) : undefined],
    // Any non-empty token is tried: Atlas (here the mock) is the judge of the rest.
    ['token', values.token.trim() === '' ? { origin: 'page', kind: 'missing' } : undefined],
  ];
  const fields: FieldProblems['fields'] = {};
  for (const [key, problem] of found) if (problem) fields[key] = [problem];
  return { fields, unmatched: [] };
}
