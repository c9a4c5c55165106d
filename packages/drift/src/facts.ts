/*
 * Everything the checker knows about the pinned operations beyond what a baseline document says, in
 * one module, from the operations `pnpm generate` compiled from specs/ (@atlas-kit/openapi):
 *   - the default baseline: the faithful fragments of specs/ as JSON documents
 *     (`@atlas-kit/openapi/documents/*.json`; the YAML of specs/ is never read at run time), one per
 *     fragment an operation comes from, so an operation added to specs/ is checked without a change here;
 *   - each operation's lifecycle: sunset, replacement, former operationIds, and the migration notice
 *     (loaded only when a report shows it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NoticeFormat } from '@atlas-kit/migration-notice';
import { type OperationFacts, operations } from '@atlas-kit/openapi';
import { routeKey } from './locate.ts';
import type { OpenApiDocument } from './parse.ts';

const all: OperationFacts[] = Object.values(operations);

/** The compiled fragments checked by default; every operation they hold is checked. */
const FRAGMENTS = [...new Set(all.map((op) => op.fragment))];

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

const FACTS: LifecycleFacts[] = all.map((op) => {
  const next =
    op.lifecycle.replacement === undefined
      ? undefined
      : (operations as Record<string, OperationFacts>)[op.lifecycle.replacement];
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    otherOperationIds: [...op.formerOperationIds, op.docsOperationId],
    ...(op.lifecycle.sunset ? { sunset: op.lifecycle.sunset } : {}),
    ...(next
      ? {
          replacement: {
            operationId: next.operationId,
            method: next.method,
            path: next.path,
            // the link upstream gives users of the deprecated operation, else the replacement's own page
            docsUrl: op.lifecycle.successorDocs?.url ?? next.docsUrl,
          },
        }
      : {}),
    // the migration notice is about the deprecated operations and their move to Flex
    hasNotice: op.lifecycle.deprecated,
  };
});

/** The facts of a baseline operation: by operationId (current or other), else by method + route. */
export function lifecycleFacts(op: { operationId?: string; method: string; path: string }): LifecycleFacts | undefined {
  return (
    FACTS.find(
      (f) => op.operationId !== undefined && [f.operationId, ...f.otherOperationIds].includes(op.operationId),
    ) ?? FACTS.find((f) => f.method === op.method.toUpperCase() && routeKey(f.path) === routeKey(op.path))
  );
}

/** The migration notice (downloadClusterBackupTenant → downloadFlexBackup), rendered for `now`. */
export async function migrationNotice(format: NoticeFormat, now: Date): Promise<string> {
  const { renderNotice } = await import('@atlas-kit/migration-notice');
  return renderNotice({ format, now });
}
