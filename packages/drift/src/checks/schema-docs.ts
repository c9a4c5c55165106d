import type { SchemaCheck } from './context.ts';
import { docNote } from './docs.ts';

export const schemaDocs: SchemaCheck = (b, u, at, ctx) => {
  docNote(ctx, 'description-changed', at.loc, b.docs.description, u.docs.description);
  docNote(ctx, 'example-changed', at.loc, b.docs.examples, u.docs.examples);
};
