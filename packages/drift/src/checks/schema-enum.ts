import { quote } from '../change.ts';
import { digest } from '../digest.ts';
import type { SchemaCheck } from './context.ts';

/** Enum values compare by digest: an upstream enum value may be a huge aliased structure. */
export const schemaEnum: SchemaCheck = (b, u, at, ctx) => {
  if (!b.enum && !u.enum) return;
  if (b.enum && !u.enum) {
    ctx.reportSchema('enum-removed', at, { values: quote(b.enum) });
    return;
  }
  if (!b.enum && u.enum) {
    ctx.reportSchema('enum-added', at, { values: quote(u.enum) });
    return;
  }
  const before = new Map((b.enum ?? []).map((v) => [digest(v), v]));
  const after = new Map((u.enum ?? []).map((v) => [digest(v), v]));
  const removed = [...before].filter(([d]) => !after.has(d)).map(([, v]) => v);
  const added = [...after].filter(([d]) => !before.has(d)).map(([, v]) => v);
  if (removed.length) ctx.reportSchema('enum-value-removed', at, { values: quote(removed) });
  if (added.length) ctx.reportSchema('enum-value-added', at, { values: quote(added) });
};
