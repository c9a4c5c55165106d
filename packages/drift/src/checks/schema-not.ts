import type { SchemaCheck } from './context.ts';

export const schemaNot: SchemaCheck = (b, u, at, ctx) => {
  if (b.not && u.not) ctx.schema(b.not, u.not, { ...at, loc: `${at.loc}.not` });
  else if (!!b.not !== !!u.not) ctx.reportSchema('not-changed', at);
};
