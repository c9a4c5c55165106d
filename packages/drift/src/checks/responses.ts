import type { OperationCheck } from './context.ts';
import { docNote } from './docs.ts';
import { mediaTypes } from './media-types.ts';
import { responseHeaders } from './response-headers.ts';

const isSuccess = (status: string) => status.startsWith('2');

/** Statuses by code; within a status its headers and media types. */
export const responses: OperationCheck = (b, u, ctx) => {
  for (const [status, br] of Object.entries(b.responses)) {
    const loc = `responses.${status}`;
    const ur = u.responses[status];
    if (!ur) {
      ctx.report(isSuccess(status) ? 'response-success-status-removed' : 'response-non-success-status-removed', loc, {
        status,
      });
      continue;
    }
    docNote(ctx, 'description-changed', loc, br.docs.description, ur.docs.description);
    responseHeaders(ctx, br.headers, ur.headers, loc);
    mediaTypes(ctx, br.content, ur.content, { dir: 'response', loc, status });
  }
  for (const status of Object.keys(u.responses)) {
    if (b.responses[status]) continue;
    ctx.report(
      isSuccess(status) ? 'response-success-status-added' : 'response-non-success-status-added',
      `responses.${status}`,
      {
        status,
      },
    );
  }
};
