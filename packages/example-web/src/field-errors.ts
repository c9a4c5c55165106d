// Turns the client's typed errors into problems attached to the form's inputs, so that people see
// "check the project ID" next to the project ID rather than a JSON dump.
import { AtlasApiError, AtlasAuthError, AtlasValidationError } from '@atlas-kit/client';

export type FieldKey = 'groupId' | 'clusterName' | 'snapshotId' | 'token';
export const fieldKeys: readonly FieldKey[] = ['groupId', 'clusterName', 'snapshotId', 'token'];

/** What the inputs hold when the form is sent. */
export type FormValues = Record<FieldKey, string>;

/**
 * One problem of an input. `origin`: who found it — the page's own check before sending, the client,
 * or Atlas. `kind` picks the page's sentence (the field's `missing`, `invalid` or `refused` words);
 * `detail` is Atlas' own wording, shown after it. The client's wording is never shown beside a field:
 * it quotes the spec's patterns.
 */
export interface FieldProblem {
  origin: 'page' | 'client' | 'atlas';
  kind: 'missing' | 'invalid' | 'refused';
  detail?: string;
}

export interface FieldProblems {
  fields: Partial<Record<FieldKey, FieldProblem[]>>;
  /** Problems that match no input (shown with the form-level message). */
  unmatched: { field: string; origin: 'client' | 'atlas'; detail: string }[];
}

/** The problems the page found before sending anything (see form-check.ts). */
export class FormCheckError extends Error {
  override readonly name = 'FormCheckError';
  readonly problems: FieldProblems;
  constructor(problems: FieldProblems) {
    super(`the form has problems: ${Object.keys(problems.fields).join(', ')}`);
    this.problems = problems;
  }
}

// Names used by the client's issues, Atlas' badRequestDetail and the flex API for the same input.
// `targetDeploymentItemName` defaults to the cluster name, and the flex API calls the cluster `name`.
const aliases: Record<string, FieldKey> = {
  groupId: 'groupId',
  projectId: 'groupId',
  clusterName: 'clusterName',
  name: 'clusterName',
  instanceName: 'clusterName',
  targetDeploymentItemName: 'clusterName',
  snapshotId: 'snapshotId',
};

/** `body.snapshotId`, `/snapshotId`, `snapshotId` → `snapshotId`. */
export function fieldKeyOf(raw: string): FieldKey | undefined {
  const last = raw
    .split(/[./[\]]/)
    .filter(Boolean)
    .pop();
  return last !== undefined && Object.hasOwn(aliases, last) ? aliases[last] : undefined;
}

export function fieldProblems(error: unknown): FieldProblems {
  if (error instanceof FormCheckError) return error.problems;
  const out: FieldProblems = { fields: {}, unmatched: [] };
  const attach = (key: FieldKey, problem: FieldProblem) => {
    out.fields[key] = [...(out.fields[key] ?? []), problem];
  };
  if (error instanceof AtlasValidationError) {
    // Only reached if the page's own check let something through; the field still gets its words.
    for (const issue of error.issues) {
      const key = fieldKeyOf(issue.field);
      if (key === undefined) out.unmatched.push({ field: issue.field, origin: 'client', detail: issue.message });
      else attach(key, { origin: 'client', kind: 'invalid' });
    }
  } else if (error instanceof AtlasApiError) {
    for (const v of error.badRequestDetail?.fields ?? []) {
      const key = fieldKeyOf(v.field ?? '');
      const detail = v.description ?? '';
      if (key === undefined) out.unmatched.push({ field: v.field ?? '', origin: 'atlas', detail });
      else attach(key, { origin: 'atlas', kind: 'refused', detail });
    }
    if (error.status === 401 || error.status === 403) {
      attach('token', {
        origin: 'atlas',
        kind: 'refused',
        detail: error.detail ?? error.reason ?? `HTTP ${error.status}`,
      });
    }
  } else if (error instanceof AtlasAuthError) {
    attach('token', { origin: 'client', kind: 'refused', detail: error.message });
  }
  return out;
}
