// The one `$ref` resolver of the kit: generate time only, over the merged document. Only local
// references (`#/…`) exist in specs/; anything else stops the build with the path that holds it.
export type Node = Record<string, any>;

export class CompileError extends Error {
  override name = 'CompileError';
}

const pointer = (ref: string): string[] =>
  ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));

export function createResolver(doc: Node) {
  /** Follows `$ref` until a node without one; a chain longer than 20 is a cycle. */
  const deref = <T = Node>(node: T | { $ref: string }, where = '(root)'): T => {
    let current: any = node;
    for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
      const ref: string = current.$ref;
      if (hops > 20) throw new CompileError(`${where}: $ref chain too long at ${ref}`);
      if (!ref.startsWith('#/')) throw new CompileError(`${where}: only local $refs are supported, got ${ref}`);
      current = pointer(ref).reduce((at: any, key) => at?.[key], doc);
      if (current === undefined) throw new CompileError(`${where}: dangling $ref ${ref}`);
    }
    return current as T;
  };

  /** A copy of `node` with every `$ref` replaced by its target; specs/ has no recursive schema. */
  const inline = (node: unknown, where: string, depth = 0): any => {
    if (depth > 64) throw new CompileError(`${where}: schema nested too deeply (a $ref cycle?)`);
    if (Array.isArray(node)) return node.map((child, i) => inline(child, `${where}/${i}`, depth + 1));
    if (!node || typeof node !== 'object') return node;
    const resolved = deref<Node>(node as Node, where);
    const out: Node = {};
    for (const [key, value] of Object.entries(resolved)) out[key] = inline(value, `${where}/${key}`, depth + 1);
    return out;
  };

  /** `#/components/schemas/TenantRestore` → `TenantRestore` (undefined for an inline schema). */
  const schemaName = (schema: Node | undefined): string | undefined => {
    const ref = schema?.$ref;
    return typeof ref === 'string' && ref.startsWith('#/components/schemas/')
      ? ref.slice('#/components/schemas/'.length)
      : undefined;
  };

  return { deref, inline, schemaName };
}

export type Resolver = ReturnType<typeof createResolver>;
