// 413: a request body past the mock's limit (limits.requestBodyBytes, default 1 MiB). The body
// is read here, once, and never past the limit; later steps use ctx.bodyText.
import { apiError, genericErrorCode } from '../api-error.ts';
import { readBody } from '../body.ts';
import type { AnswerContext, Reply } from './context.ts';

async function read(ctx: AnswerContext): Promise<Reply | undefined> {
  const limit = ctx.mock.requestBodyBytes;
  const text = await readBody(ctx.request, limit);
  if (text !== undefined) {
    ctx.bodyText = text;
    return undefined;
  }
  const detail = `The request body is larger than ${limit} bytes, the atlas-kit mock's limit.`;
  return apiError(ctx.operation.operationId, 413, genericErrorCode(413), detail, { parameters: [limit] });
}

// Not async itself: operations without a body (the polls) pass without a promise.
export function bodySize(ctx: AnswerContext): Reply | undefined | Promise<Reply | undefined> {
  return ctx.operation.requestBody ? read(ctx) : undefined;
}
