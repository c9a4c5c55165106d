import type { SchemaCheck } from './context.ts';

export const schemaNullable: SchemaCheck = (b, u, at, ctx) => {
  if (!b.nullable && u.nullable) ctx.reportSchema('became-nullable', at);
  if (b.nullable && !u.nullable) ctx.reportSchema('became-not-nullable', at);
};
