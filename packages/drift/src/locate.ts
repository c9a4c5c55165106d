const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface OperationTarget {
  method: string;
  path: string;
  /** current id first, then former ids */
  operationIds: string[];
}

export interface LocatedOperation {
  method: string;
  path: string;
  /** the path item with its `$ref` (if any) already followed */
  pathItem: any;
  operationId?: string;
  matchedBy: 'path' | 'operationId';
}

export interface ListedOperation {
  method: string;
  path: string;
  operationId?: string;
}

/** Follows a path item's `$ref` (OpenAPI 3.1 `#/components/pathItems/X`, or any pointer the resolver allows). */
export type PathItemDeref = (item: unknown) => unknown;

const isObject = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `/a/{groupId}/b/{name}` and `/a/{x}/b/{y}` are the same route: parameters match by position, not name. */
export function routeKey(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed.replace(/\{[^}]*\}/g, '{}');
}

// a document's path items, `$ref`s followed, listed once: every operation and replacement is looked up in them
const listed = new WeakMap<object, Array<[string, Record<string, any>]>>();

function pathItems(doc: any, deref: PathItemDeref): Array<[string, Record<string, any>]> {
  const known = listed.get(doc);
  if (known) return known;
  const out: Array<[string, Record<string, any>]> = [];
  for (const [path, raw] of Object.entries<unknown>(isObject(doc.paths) ? doc.paths : {})) {
    const item = isObject(raw) && '$ref' in raw ? deref(raw) : raw;
    if (isObject(item)) out.push([path, item]);
  }
  listed.set(doc, out);
  return out;
}

export function listOperations(doc: any, deref: PathItemDeref): ListedOperation[] {
  const out: ListedOperation[] = [];
  for (const [path, item] of pathItems(doc, deref)) {
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) {
        const id = typeof op.operationId === 'string' ? op.operationId : undefined;
        out.push({ method: method.toUpperCase(), path, ...(id ? { operationId: id } : {}) });
      }
    }
  }
  return out;
}

/**
 * Finds the operation by method + route first; only when the route is gone does it fall back to
 * the operationId (current, then former ids), which catches a path move or rename upstream.
 */
export function locateOperation(doc: any, target: OperationTarget, deref: PathItemDeref): LocatedOperation | undefined {
  const method = target.method.toLowerCase();
  const wanted = routeKey(target.path);
  const items = pathItems(doc, deref);
  const byRoute = [...items.filter(([p]) => p === target.path), ...items.filter(([p]) => p !== target.path)];
  for (const [path, item] of byRoute) {
    if (routeKey(path) !== wanted || !isObject(item[method])) continue;
    const id = item[method].operationId;
    return {
      method: target.method.toUpperCase(),
      path,
      pathItem: item,
      ...(typeof id === 'string' ? { operationId: id } : {}),
      matchedBy: 'path',
    };
  }
  for (const id of target.operationIds.filter(Boolean)) {
    for (const [path, item] of items) {
      for (const m of METHODS) {
        if (isObject(item[m]) && item[m].operationId === id) {
          return { method: m.toUpperCase(), path, pathItem: item, operationId: id, matchedBy: 'operationId' };
        }
      }
    }
  }
  return undefined;
}
