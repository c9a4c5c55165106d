import type { MessageValue } from '../change.ts';
import type { OperationKind } from '../rules.ts';
import type { DiffContext, OperationCheck } from './context.ts';

type DocKind = Extract<
  OperationKind,
  'description-changed' | 'summary-changed' | 'example-changed' | 'code-samples-changed'
>;

/** Documentation notes (never part of a verdict): texts compare as they are, examples by digest. */
export function docNote(
  ctx: DiffContext,
  kind: DocKind,
  location: string,
  before: string | undefined,
  after: string | undefined,
): void {
  if (before === after) return;
  const what: MessageValue = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  ctx.report(kind, location, { what });
}

export const operationDocs: OperationCheck = (b, u, ctx) => {
  docNote(ctx, 'summary-changed', 'operation.summary', b.docs.summary, u.docs.summary);
  docNote(ctx, 'description-changed', 'operation.description', b.docs.description, u.docs.description);
  docNote(ctx, 'code-samples-changed', 'operation.x-codeSamples', b.docs.codeSamples, u.docs.codeSamples);
};
