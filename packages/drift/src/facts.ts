/*
 * Everything the checker knows about the pinned operations beyond what a baseline document says, in
 * ONE module so it can be repointed at the generated operations module of @atlas-kit/openapi:
 *   - the default baseline: the faithful fragments compiled from specs/ by `pnpm generate`
 *     (`@atlas-kit/openapi/documents/*.json`; the YAML of specs/ is never read at run time);
 *   - each operation's lifecycle: sunset, replacement, former operationIds (today from
 *     @atlas-kit/migration-notice), and the migration notice.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  deprecatedOperation,
  type NoticeFormat,
  renderNotice,
  replacementOperation,
  restoreJobPolls,
} from '@atlas-kit/migration-notice';
import { routeKey } from './locate.ts';
import type { OpenApiDocument } from './parse.ts';

/** The compiled fragments checked by default; every operation they hold is checked. */
const FRAGMENTS = ['tenant-download', 'tenant-restores', 'flex-backup'] as const;

export interface DefaultBaseline {
  file: string;
  doc: OpenApiDocument;
}

/** Generated in this repository (not hostile input): read as they are, no byte cap or ref policy needed. */
export function defaultBaselines(): DefaultBaseline[] {
  return FRAGMENTS.map((name) => {
    const file = fileURLToPath(import.meta.resolve(`@atlas-kit/openapi/documents/${name}.json`));
    return { file, doc: JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument };
  });
}

export interface ReplacementFacts {
  operationId: string;
  method: string;
  path: string;
  docsUrl: string;
}

export interface LifecycleFacts {
  operationId: string;
  method: string;
  path: string;
  /** earlier or documentation-only ids, tried when the route is gone upstream */
  otherOperationIds: string[];
  /** the kit's x-sunset (specs/), when the operation has one */
  sunset?: string;
  replacement?: ReplacementFacts;
  /** the migration notice (@atlas-kit/migration-notice) is about this operation's family */
  hasNotice: boolean;
}

const replacementOf = (op: {
  operationId: string;
  method: string;
  path: string;
  docsUrl: string;
}): ReplacementFacts => ({
  operationId: op.operationId,
  method: op.method,
  path: op.path,
  docsUrl: op.docsUrl,
});

const FACTS: LifecycleFacts[] = [
  {
    operationId: deprecatedOperation.operationId,
    method: deprecatedOperation.method,
    path: deprecatedOperation.path,
    otherOperationIds: [...deprecatedOperation.formerOperationIds, deprecatedOperation.docsOperationId],
    sunset: deprecatedOperation.sunset,
    replacement: replacementOf(replacementOperation),
    hasNotice: true,
  },
  {
    operationId: restoreJobPolls.tenant.operationId,
    method: restoreJobPolls.tenant.method,
    path: restoreJobPolls.tenant.path,
    otherOperationIds: [restoreJobPolls.tenant.docsOperationId],
    sunset: restoreJobPolls.tenant.sunset,
    replacement: replacementOf(restoreJobPolls.flex),
    hasNotice: true,
  },
  {
    operationId: replacementOperation.operationId,
    method: replacementOperation.method,
    path: replacementOperation.path,
    otherOperationIds: [],
    hasNotice: false,
  },
  {
    operationId: restoreJobPolls.flex.operationId,
    method: restoreJobPolls.flex.method,
    path: restoreJobPolls.flex.path,
    otherOperationIds: [restoreJobPolls.flex.docsOperationId],
    hasNotice: false,
  },
];

/** The facts of a baseline operation: by operationId (current or other), else by method + route. */
export function lifecycleFacts(op: { operationId?: string; method: string; path: string }): LifecycleFacts | undefined {
  return (
    FACTS.find(
      (f) => op.operationId !== undefined && [f.operationId, ...f.otherOperationIds].includes(op.operationId),
    ) ?? FACTS.find((f) => f.method === op.method.toUpperCase() && routeKey(f.path) === routeKey(op.path))
  );
}

/** The migration notice (downloadClusterBackupTenant → downloadFlexBackup), rendered for `now`. */
export function migrationNotice(format: NoticeFormat, now: Date): string {
  return renderNotice({ format, now });
}
