import type { OperationCheck } from './context.ts';

/** Security requirements compared by what a client must do (scheme type and flow), not by component name. */
export const security: OperationCheck = (b, u, ctx) => {
  const loc = 'operation.security';
  const bs = b.security.alternatives;
  const us = u.security.alternatives;
  if (bs.length === 0 && us.length > 0) {
    ctx.report('security-added', loc, { after: us.map((s) => u.security.names[s]).join(' or ') });
    return;
  }
  if (us.length === 0 && bs.length > 0) {
    ctx.report('security-removed', loc);
    return;
  }
  for (const sig of bs) {
    if (!us.includes(sig)) {
      ctx.report('security-requirement-removed', loc, { name: b.security.names[sig], signature: sig });
    }
  }
  for (const sig of us) {
    if (!bs.includes(sig))
      ctx.report('security-requirement-added', loc, { name: u.security.names[sig], signature: sig });
  }
};
