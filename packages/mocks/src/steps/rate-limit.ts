// 429: the project's bucket for the operation's limit set is empty. Atlas counts per limit set
// and project, so a Flex call never uses up the Shared Tier Snapshots limit.
import { apiError } from '../api-error.ts';
import { rateLimitSets } from '../documented-facts.ts';
import { rateLimitedErrorCode } from '../spec.ts';
import type { AnswerContext, Reply } from './context.ts';

export function rateLimit(ctx: AnswerContext): Reply | undefined {
  const rate = ctx.mock.buckets.take(ctx.bucket, ctx.now.getTime());
  ctx.rate = rate;
  if (rate.allowed) return undefined;
  const set = rateLimitSets[ctx.operation.operationId];
  const detail = `Too many requests for project ${ctx.groupId} in the ${set} limit set: the limit is ${rate.limit}; retry in ${rate.retryAfter} s.`;
  return apiError(ctx.operation.operationId, 429, rateLimitedErrorCode, detail, {
    headers: { 'Retry-After': String(rate.retryAfter) },
  });
}
