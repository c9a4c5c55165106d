import { quote } from '../change.ts';
import type { SchemaCheck } from './context.ts';

export const schemaPattern: SchemaCheck = (b, u, at, ctx) => {
  if (b.pattern === u.pattern) return;
  const values = { before: quote(b.pattern), after: quote(u.pattern) };
  if (b.pattern === undefined) ctx.reportSchema('pattern-added', at, values);
  else if (u.pattern === undefined) ctx.reportSchema('pattern-removed', at, values);
  else ctx.reportSchema('pattern-changed', at, values);
};
