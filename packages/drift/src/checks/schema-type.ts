import type { SchemaCheck } from './context.ts';

/** every type of `inner` is allowed by `outer` (undefined = any type; an integer is a number) */
const covers = (outer: string[] | undefined, inner: string[] | undefined) =>
  outer === undefined ||
  (inner?.every((t) => outer.includes(t) || (t === 'integer' && outer.includes('number'))) ?? false);

export const schemaType: SchemaCheck = (b, u, at, ctx) => {
  const before = b.types;
  const after = u.types;
  if ((before ?? []).join('|') === (after ?? []).join('|') && (before === undefined) === (after === undefined)) return;
  const values = { before: before?.join('|') ?? 'any', after: after?.join('|') ?? 'any' };
  if (covers(after, before)) ctx.reportSchema('type-widened', at, values);
  else if (covers(before, after)) ctx.reportSchema('type-narrowed', at, values);
  else ctx.reportSchema('type-changed', at, values);
};
