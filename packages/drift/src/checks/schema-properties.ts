import type { SchemaNode } from '../model.ts';
import { propPath, type SchemaCheck } from './context.ts';

/**
 * Properties of an object schema. A request never carries readOnly properties and a response never
 * carries writeOnly ones, so those are left out on that side.
 */
export const schemaProperties: SchemaCheck = (b, u, at, ctx) => {
  if (!b.properties && !u.properties) return;
  const { dir, loc } = at;
  const visible = (s: SchemaNode) => (dir === 'request' ? !s.readOnly : !s.writeOnly);
  const bp = Object.entries(b.properties ?? {}).filter(([, s]) => visible(s));
  const up = Object.entries(u.properties ?? {}).filter(([, s]) => visible(s));
  const uMap = new Map(up);
  const bNames = new Set(bp.map(([name]) => name));
  const bReq = new Set(b.required);
  const uReq = new Set(u.required);
  for (const [name, bs] of bp) {
    const ploc = propPath(loc, name);
    const named = { name: { quote: name } };
    const us = uMap.get(name);
    if (!us) {
      ctx.report(`${dir}-property-removed`, ploc, named);
      continue;
    }
    const wasRequired = bReq.has(name);
    const isRequired = uReq.has(name);
    if (!wasRequired && isRequired) ctx.report(`${dir}-property-became-required`, ploc, named);
    if (wasRequired && !isRequired) ctx.report(`${dir}-property-became-optional`, ploc, named);
    if (!bs.deprecated && us.deprecated) ctx.report(`${dir}-property-deprecated`, ploc, named);
    ctx.schema(bs, us, { dir, prefix: `${dir}-property`, loc: ploc });
  }
  for (const [name] of up) {
    if (bNames.has(name)) continue;
    const ploc = propPath(loc, name);
    const named = { name: { quote: name } };
    if (dir === 'response') ctx.report('response-property-added', ploc, named);
    else ctx.report(uReq.has(name) ? 'new-required-request-property' : 'new-optional-request-property', ploc, named);
  }
};
