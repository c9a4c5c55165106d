// Turns the client's typed errors into problems attached to the form's inputs, so that people see
// "check the project ID" next to the project ID rather than a JSON dump.
import { AtlasApiError, AtlasAuthError, AtlasValidationError } from '@atlas-kit/client';

export type FieldKey = 'groupId' | 'clusterName' | 'snapshotId' | 'token';
export const fieldKeys: readonly FieldKey[] = ['groupId', 'clusterName', 'snapshotId', 'token'];

/** Where a problem was found: by the client before sending, or by Atlas. */
export interface FieldProblem {
  origin: 'client' | 'atlas';
  /** The original wording of the client or Atlas (shown after the page's own sentence). */
  detail: string;
}

export interface FieldProblems {
  fields: Partial<Record<FieldKey, FieldProblem[]>>;
  /** Field names that match no input (shown with the form-level message). */
  unmatched: { field: string; origin: 'client' | 'atlas'; detail: string }[];
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
  const out: FieldProblems = { fields: {}, unmatched: [] };
  const attach = (key: FieldKey, problem: FieldProblem) => {
    out.fields[key] = [...(out.fields[key] ?? []), problem];
  };
  const add = (field: string, origin: 'client' | 'atlas', detail: string) => {
    const key = fieldKeyOf(field);
    if (key === undefined) out.unmatched.push({ field, origin, detail });
    else attach(key, { origin, detail });
  };
  if (error instanceof AtlasValidationError) {
    for (const issue of error.issues) add(issue.field, 'client', `${issue.field} ${issue.message}`);
  } else if (error instanceof AtlasApiError) {
    for (const v of error.badRequestDetail?.fields ?? []) add(v.field ?? '', 'atlas', v.description ?? '');
    if (error.status === 401 || error.status === 403) {
      attach('token', {
        origin: 'atlas',
        detail: error.detail ?? error.reason ?? `HTTP ${error.status}`,
      });
    }
  } else if (error instanceof AtlasAuthError) {
    attach('token', { origin: 'client', detail: error.message });
  }
  return out;
}
