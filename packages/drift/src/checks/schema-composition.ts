import { fingerprint } from '../fingerprint.ts';
import type { SchemaNode } from '../model.ts';
import type { SchemaRuleId } from '../rules.ts';
import type { SchemaAt, SchemaCheck } from './context.ts';

const KEYWORDS = [
  ['oneOf', 'one-of'],
  ['anyOf', 'any-of'],
  ['allOf', 'all-of'],
] as const;

/**
 * oneOf/anyOf/allOf variants: identical ones pair up whatever their order or component names, the
 * rest pair by position and are compared; what is left over was added or removed.
 */
export const schemaComposition: SchemaCheck = (b, u, at, ctx) => {
  for (const [keyword, id] of KEYWORDS) {
    const bl: SchemaNode[] = b[keyword] ?? [];
    const ul: SchemaNode[] = u[keyword] ?? [];
    if (!bl.length && !ul.length) continue;
    const bf = bl.map((n) => fingerprint(n));
    const uf = ul.map((n) => fingerprint(n));
    const usedU = new Set<number>();
    const unmatchedB: number[] = [];
    bf.forEach((f, i) => {
      const j = uf.findIndex((g, k) => g === f && !usedU.has(k));
      if (j === -1) unmatchedB.push(i);
      else usedU.add(j);
    });
    const unmatchedU = uf.map((_, k) => k).filter((k) => !usedU.has(k));
    const pairs = Math.min(unmatchedB.length, unmatchedU.length);
    const variantAt = (i: number): SchemaAt => ({ ...at, loc: `${at.loc}.${keyword}[${i}]` });
    for (let n = 0; n < pairs; n++) {
      const i = unmatchedB[n] as number;
      ctx.schema(bl[i] as SchemaNode, ul[unmatchedU[n] as number] as SchemaNode, variantAt(i));
    }
    for (const i of unmatchedB.slice(pairs)) {
      ctx.reportSchema(`${id}-removed` as SchemaRuleId, at, { name: { quote: bl[i]?.ref ?? i } }, variantAt(i).loc);
    }
    for (const j of unmatchedU.slice(pairs)) {
      ctx.reportSchema(`${id}-added` as SchemaRuleId, at, { name: { quote: ul[j]?.ref ?? j } }, variantAt(j).loc);
    }
  }
};
