import type { SchemaNode } from '../model.ts';
import type { SchemaCheck } from './context.ts';

const allowed = (v: boolean | SchemaNode | undefined) => v !== false;

export const schemaAdditionalProperties: SchemaCheck = (b, u, at, ctx) => {
  const before = b.additionalProperties;
  const after = u.additionalProperties;
  if (allowed(before) && !allowed(after)) ctx.reportSchema('additional-properties-forbidden', at);
  else if (!allowed(before) && allowed(after)) ctx.reportSchema('additional-properties-allowed', at);
  else if (typeof before === 'object' && typeof after === 'object') {
    ctx.schema(before, after, { dir: at.dir, prefix: `${at.dir}-property`, loc: `${at.loc}{*}` });
  }
};
