import type { OperationCheck } from './context.ts';

export const operationDeprecation: OperationCheck = (b, u, ctx) => {
  if (!b.deprecated && u.deprecated) ctx.report('operation-deprecated', 'operation.deprecated');
  else if (b.deprecated && !u.deprecated) ctx.report('operation-undeprecated', 'operation.deprecated');
};
