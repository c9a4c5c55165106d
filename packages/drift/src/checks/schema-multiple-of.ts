import { quote } from '../change.ts';
import type { SchemaCheck } from './context.ts';

export const schemaMultipleOf: SchemaCheck = (b, u, at, ctx) => {
  if (b.multipleOf !== u.multipleOf) {
    ctx.reportSchema('multiple-of-changed', at, { before: quote(b.multipleOf), after: quote(u.multipleOf) });
  }
};
