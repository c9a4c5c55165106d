import type { OperationCheck } from './context.ts';
import { docNote } from './docs.ts';
import { mediaTypes } from './media-types.ts';

export const requestBody: OperationCheck = (b, u, ctx) => {
  const loc = 'requestBody';
  const bb = b.requestBody;
  const ub = u.requestBody;
  if (!bb && ub) ctx.report(ub.required ? 'request-body-added-required' : 'request-body-added-optional', loc);
  if (bb && !ub) ctx.report('request-body-removed', loc);
  if (!bb || !ub) return;
  if (!bb.required && ub.required) ctx.report('request-body-became-required', loc);
  if (bb.required && !ub.required) ctx.report('request-body-became-optional', loc);
  docNote(ctx, 'description-changed', loc, bb.docs.description, ub.docs.description);
  mediaTypes(ctx, bb.content, ub.content, { dir: 'request', loc });
};
