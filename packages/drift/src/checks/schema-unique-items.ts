import type { SchemaCheck } from './context.ts';

export const schemaUniqueItems: SchemaCheck = (b, u, at, ctx) => {
  if (!b.uniqueItems && u.uniqueItems) ctx.reportSchema('unique-items-set', at);
  if (b.uniqueItems && !u.uniqueItems) ctx.reportSchema('unique-items-unset', at);
};
