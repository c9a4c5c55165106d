import type { MediaTypeModel } from '../model.ts';
import type { Direction } from '../rules.ts';
import type { DiffContext } from './context.ts';
import { docNote } from './docs.ts';

/**
 * Media types of a request body or of one response. A media type a success response no longer
 * offers breaks clients that ask for it; an error response's is a warning (clients rarely negotiate it).
 */
export function mediaTypes(
  ctx: DiffContext,
  b: Record<string, MediaTypeModel>,
  u: Record<string, MediaTypeModel>,
  where: { dir: Direction; loc: string; status?: string },
): void {
  const { dir, loc, status } = where;
  const success = status === undefined || status.startsWith('2');
  for (const [mediaType, bm] of Object.entries(b)) {
    const mloc = `${loc}.content[${mediaType}]`;
    const um = u[mediaType];
    if (!um) {
      const kind =
        dir === 'request'
          ? 'request-media-type-removed'
          : success
            ? 'response-media-type-removed'
            : 'response-error-media-type-removed';
      ctx.report(kind, mloc, { mediaType, status });
      continue;
    }
    docNote(ctx, 'example-changed', mloc, bm.docs.examples, um.docs.examples);
    ctx.optionalSchema(bm.schema, um.schema, { dir, prefix: `${dir}-body`, loc: `${mloc}.schema` });
  }
  for (const mediaType of Object.keys(u)) {
    if (!b[mediaType]) ctx.report(`${dir}-media-type-added`, `${loc}.content[${mediaType}]`, { mediaType });
  }
}
