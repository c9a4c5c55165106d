// The scenario's error for this operation, if one is selected. Without an errorCode: field
// violations are Atlas's VALIDATION_ERROR; otherwise the endpoint's documented code for the
// status, else Atlas's generic code for it (api-error.ts).
import { apiError, defaultErrorCode, genericErrorCode } from '../api-error.ts';
import type { ErrorScenario } from '../types.ts';
import { challengeHeaders } from './authorization.ts';
import type { AnswerContext, Reply } from './context.ts';

type Selected = ErrorScenario<AnswerContext['operation']['operationId']> & {
  fields?: readonly { field: string; description: string }[];
  retryAfter?: number;
};

export function scenario(ctx: AnswerContext): Reply | undefined {
  const id = ctx.operation.operationId;
  const selected = ctx.mock.scenario[id] as Selected | { status: 200 } | undefined;
  if (!selected || selected.status === 200) return undefined;
  const { status, fields } = selected;
  const errorCode = selected.errorCode ?? (fields ? genericErrorCode(400) : defaultErrorCode(id, status));
  const detail = selected.detail ?? `${errorCode}: answered by the atlas-kit mock because the scenario selects it.`;
  const headers: Record<string, string> = status === 401 ? challengeHeaders(ctx) : {};
  if (status === 429) {
    const buckets = ctx.mock.buckets;
    headers['Retry-After'] = String(selected.retryAfter ?? buckets.secondsPerToken);
    ctx.rate = { ...(ctx.rate ?? buckets.full()), remaining: 0 };
  }
  return apiError(id, status, errorCode, detail, { headers, ...(fields ? { fields } : {}) });
}
