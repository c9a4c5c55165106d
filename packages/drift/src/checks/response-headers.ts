import type { HeaderModel } from '../model.ts';
import type { DiffContext } from './context.ts';
import { docNote } from './docs.ts';

/** Headers of one response, keyed by lower-cased name (HTTP header names are case-insensitive). */
export function responseHeaders(
  ctx: DiffContext,
  b: Record<string, HeaderModel>,
  u: Record<string, HeaderModel>,
  loc: string,
): void {
  for (const [key, bh] of Object.entries(b)) {
    const hloc = `${loc}.headers.${bh.name}`;
    const uh = u[key];
    const named = { name: bh.name };
    if (!uh) {
      ctx.report(bh.required ? 'response-required-header-removed' : 'response-optional-header-removed', hloc, named);
      continue;
    }
    if (bh.required && !uh.required) ctx.report('response-header-became-optional', hloc, named);
    else if (!bh.required && uh.required) ctx.report('response-header-became-required', hloc, named);
    docNote(ctx, 'description-changed', hloc, bh.docs.description, uh.docs.description);
    ctx.optionalSchema(bh.schema, uh.schema, { dir: 'response', prefix: 'response-header', loc: hloc });
  }
  for (const [key, uh] of Object.entries(u)) {
    if (!b[key]) ctx.report('response-header-added', `${loc}.headers.${uh.name}`, { name: uh.name });
  }
}
