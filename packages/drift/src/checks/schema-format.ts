import { quote } from '../change.ts';
import type { SchemaCheck } from './context.ts';

export const schemaFormat: SchemaCheck = (b, u, at, ctx) => {
  if (b.format === u.format) return;
  const values = { before: quote(b.format), after: quote(u.format) };
  if (b.format === undefined) ctx.reportSchema('format-added', at, values);
  else if (u.format === undefined) ctx.reportSchema('format-removed', at, values);
  else ctx.reportSchema('format-changed', at, values);
};
