import { quote } from '../change.ts';
import { type BoundKey, LOWER_BOUNDS, UPPER_BOUNDS } from '../model.ts';
import type { BoundChange, BoundId } from '../rules.ts';
import type { SchemaCheck } from './context.ts';

const boundId = (key: BoundKey) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) as BoundId;

/** Whether the change tightens is the table's business (rules.ts BOUND_CHANGES); here only what moved. */
export const schemaBounds: SchemaCheck = (b, u, at, ctx) => {
  for (const key of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const before = b.bounds[key];
    const after = u.bounds[key];
    if (before === after) continue;
    const change: BoundChange =
      before === undefined ? 'set' : after === undefined ? 'removed' : after > before ? 'increased' : 'decreased';
    ctx.reportSchema(`${boundId(key)}-${change}`, at, {
      bound: key,
      change,
      before: quote(before),
      after: quote(after),
    });
  }
};
