import { quote } from '../change.ts';
import { digest } from '../digest.ts';
import type { SchemaCheck } from './context.ts';

export const schemaDefault: SchemaCheck = (b, u, at, ctx) => {
  const same = b.hasDefault === u.hasDefault && (!b.hasDefault || digest(b.default) === digest(u.default));
  if (same) return;
  ctx.reportSchema('default-changed', at, {
    before: b.hasDefault ? quote(b.default) : undefined,
    after: u.hasDefault ? quote(u.default) : undefined,
  });
};
