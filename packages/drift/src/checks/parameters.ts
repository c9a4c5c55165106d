import type { ParameterModel } from '../model.ts';
import type { OperationCheck } from './context.ts';
import { docNote } from './docs.ts';

/** Path parameters pair by position in the template (a rename is not a removal); others by in + name. */
const key = (p: ParameterModel) =>
  p.in === 'path' && p.position >= 0
    ? `path:#${p.position}`
    : `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;

export const parameters: OperationCheck = (b, u, ctx) => {
  const ups = new Map(u.parameters.map((p) => [key(p), p]));
  const bases = new Map(b.parameters.map((p) => [key(p), p]));
  for (const [k, bp] of bases) {
    const loc = `parameters.${bp.in}.${bp.name}`;
    const up = ups.get(k);
    if (!up) {
      if (bp.in === 'path') ctx.report('request-path-parameter-removed', loc, { name: bp.name });
      else {
        ctx.report('request-parameter-removed', loc, {
          name: bp.name,
          in: bp.in,
          required: bp.required ? 'required' : 'optional',
        });
      }
      continue;
    }
    const named = { name: bp.name, in: bp.in };
    if (bp.name !== up.name)
      ctx.report('request-parameter-renamed', loc, { before: `{${bp.name}}`, after: `{${up.name}}` });
    if (!bp.required && up.required) ctx.report('request-parameter-became-required', loc, named);
    else if (bp.required && !up.required) ctx.report('request-parameter-became-optional', loc, named);
    if (!bp.deprecated && up.deprecated) ctx.report('request-parameter-deprecated', loc, named);
    if ((bp.style ?? '') !== (up.style ?? '') || (bp.explode ?? null) !== (up.explode ?? null)) {
      ctx.report('request-parameter-style-changed', loc, named);
    }
    docNote(ctx, 'description-changed', loc, bp.docs.description, up.docs.description);
    ctx.optionalSchema(bp.schema, up.schema, { dir: 'request', prefix: 'request-parameter', loc });
  }
  for (const [k, up] of ups) {
    if (bases.has(k)) continue;
    const loc = `parameters.${up.in}.${up.name}`;
    const named = { name: up.name, in: up.in };
    if (up.required) ctx.report('new-required-request-parameter', loc, named);
    else ctx.report('new-optional-request-parameter', loc, named);
  }
};
