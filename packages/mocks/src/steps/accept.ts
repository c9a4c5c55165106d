// 406: Accept does not name the operation's versioned type with q > 0 (only for operations whose
// spec documents 406). See negotiation.ts for the rule.
import { apiError, genericErrorCode, genericErrorDetail } from '../api-error.ts';
import { acceptsMediaType } from '../negotiation.ts';
import type { AnswerContext, Reply } from './context.ts';

export function accept(ctx: AnswerContext): Reply | undefined {
  const op = ctx.operation;
  if (!op.statuses.includes(406) || acceptsMediaType(ctx.request.headers.get('accept'), op.mediaType)) return undefined;
  const id = op.operationId;
  return apiError(id, 406, genericErrorCode(406, id), genericErrorDetail(406, id) ?? '');
}
