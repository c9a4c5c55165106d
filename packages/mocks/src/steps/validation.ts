// 400 VALIDATION_ERROR with badRequestDetail.fields: every violation of the request at once —
// path parameters by name, envelope/pretty, and the body (required, JSON, schema), all checked by
// ajv against the spec (validation.ts).
import { apiError, type FieldViolation, genericErrorCode } from '../api-error.ts';
import { validateBody } from '../validation.ts';
import type { AnswerContext, Reply } from './context.ts';

const none: readonly FieldViolation[] = [];

function bodyViolations(ctx: AnswerContext): readonly FieldViolation[] {
  const { requestBody, operationId } = ctx.operation;
  if (!requestBody) return none;
  const text = ctx.bodyText ?? '';
  if (text.trim() === '')
    return requestBody.required ? [{ field: 'requestBody', description: 'requestBody is required' }] : [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return [{ field: 'requestBody', description: `requestBody is not valid JSON: ${(e as Error).message}` }];
  }
  const violations = validateBody(operationId, parsed);
  if (violations.length > 0) return violations;
  ctx.body = parsed as Record<string, unknown>;
  return none;
}

export function validation(ctx: AnswerContext): Reply | undefined {
  const body = bodyViolations(ctx);
  const params = ctx.checked.violations;
  if (params.length === 0 && body.length === 0) return undefined;
  const fields = [...params, ...body];
  const detail = `Invalid request: ${fields.map((f) => f.field).join(', ')}.`;
  return apiError(ctx.operation.operationId, 400, genericErrorCode(400), detail, { fields });
}
