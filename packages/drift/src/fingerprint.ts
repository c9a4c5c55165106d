import { createHash } from 'node:crypto';
import { digest } from './digest.ts';
import type { SchemaNode } from './model.ts';

/**
 * Canonical structural text of a schema (names, docs and cycles aside), to pair composition
 * variants. Memoised per call: a schema graph with shared nodes (YAML aliases, one component used
 * in many places) is walked once per node, not once per path to it, and each node's text is hashed
 * so that a parent's text does not repeat its children's (which would grow exponentially).
 */
export function fingerprint(node: SchemaNode): string {
  const done = new Map<SchemaNode, string>();
  const stack = new Set<SchemaNode>();
  const walk = (n: SchemaNode | undefined): string => {
    if (!n) return 'null';
    const known = done.get(n);
    if (known !== undefined) return known;
    if (stack.has(n)) return '"<cycle>"';
    stack.add(n);
    const props = n.properties
      ? Object.keys(n.properties)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${walk(n.properties?.[k])}`)
          .join(',')
      : 'null';
    const out = `{${[
      JSON.stringify([n.types, n.nullable, n.format, n.pattern, n.required, n.bounds, n.readOnly, n.writeOnly]),
      n.enum ? digest(n.enum) : '-',
      `{${props}}`,
      typeof n.additionalProperties === 'object' ? walk(n.additionalProperties) : String(n.additionalProperties),
      walk(n.items),
      `[${(n.oneOf ?? []).map(walk).join(',')}]`,
      `[${(n.anyOf ?? []).map(walk).join(',')}]`,
      `[${(n.allOf ?? []).map(walk).join(',')}]`,
    ].join(';')}}`;
    stack.delete(n);
    const hashed = createHash('sha1').update(out).digest('base64url');
    done.set(n, hashed);
    return hashed;
  };
  return walk(node);
}
