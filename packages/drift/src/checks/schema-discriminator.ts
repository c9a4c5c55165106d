import { quote } from '../change.ts';
import type { SchemaCheck } from './context.ts';

export const schemaDiscriminator: SchemaCheck = (b, u, at, ctx) => {
  if (b.discriminator !== u.discriminator) {
    ctx.reportSchema('discriminator-changed', at, { before: quote(b.discriminator), after: quote(u.discriminator) });
  }
};
