// 410: the clock is at or after the operation's x-sunset (00:00 UTC of that day), for operations
// that document 410. Flex keeps answering.
import { apiError, genericErrorCode, genericErrorDetail } from '../api-error.ts';
import type { AnswerContext, Reply } from './context.ts';

export function sunset(ctx: AnswerContext): Reply | undefined {
  const op = ctx.operation;
  if (!op.sunsetAt || !op.statuses.includes(410) || ctx.now.getTime() < op.sunsetAt.getTime()) return undefined;
  const id = op.operationId;
  return apiError(id, 410, genericErrorCode(410, id), genericErrorDetail(410, id) ?? '');
}
