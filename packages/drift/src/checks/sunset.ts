import { parseDay } from '../dates.ts';
import type { OperationCheck } from './context.ts';

/** `x-sunset` moves: earlier is breaking (less time to migrate), later or withdrawn is news. */
export const sunset: OperationCheck = (b, u, ctx) => {
  const loc = 'operation.x-sunset';
  const before = b.sunset;
  const after = u.sunset;
  if (before === after) return;
  if (before === undefined) ctx.report('sunset-added', loc, { after });
  else if (after === undefined) ctx.report('sunset-removed', loc, { before });
  else if (!parseDay(after)) ctx.report('sunset-unparseable', loc, { before, after: { quote: after } });
  else if (after < before) ctx.report('sunset-moved-earlier', loc, { before, after });
  else ctx.report('sunset-moved-later', loc, { before, after });
};
