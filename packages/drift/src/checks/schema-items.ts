import type { SchemaCheck } from './context.ts';

export const schemaItems: SchemaCheck = (b, u, at, ctx) => {
  const loc = `${at.loc}[]`;
  if (b.items && u.items) ctx.schema(b.items, u.items, { dir: at.dir, prefix: `${at.dir}-property`, loc });
  else if (b.items && !u.items && u.types?.includes('array')) ctx.reportSchema('items-schema-removed', at, {}, loc);
  else if (!b.items && u.items) ctx.reportSchema('items-schema-added', at, {}, loc);
};
