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
  pathItem: any;
  operationId?: string;
  matchedBy: 'path' | 'operationId';
}

/** `/a/{groupId}/b/{name}` and `/a/{x}/b/{y}` are the same route: parameters match by position, not name. */
export function routeKey(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed.replace(/\{[^}]*\}/g, '{}');
}

export function listOperations(doc: any): Array<{ method: string; path: string; operationId?: string }> {
  const out: Array<{ method: string; path: string; operationId?: string }> = [];
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    for (const method of METHODS) {
      const op = item[method];
      if (op && typeof op === 'object') {
        out.push({ method: method.toUpperCase(), path, ...(op.operationId ? { operationId: op.operationId } : {}) });
      }
    }
  }
  return out;
}

/**
 * Finds the operation by method + route first; only when the route is gone does it fall back to
 * the operationId (current, then former ids), which catches a path move or rename upstream.
 */
export function locateOperation(doc: any, target: OperationTarget): LocatedOperation | undefined {
  const paths = doc.paths ?? {};
  const method = target.method.toLowerCase();
  const wanted = routeKey(target.path);
  const exact = paths[target.path];
  const candidates = exact?.[method] ? [target.path] : Object.keys(paths).filter((p) => routeKey(p) === wanted);
  for (const path of candidates) {
    const op = paths[path]?.[method];
    if (op && typeof op === 'object') {
      return {
        method: target.method.toUpperCase(),
        path,
        pathItem: paths[path],
        operationId: op.operationId,
        matchedBy: 'path',
      };
    }
  }
  const ids = target.operationIds.filter(Boolean);
  for (const id of ids) {
    for (const path of Object.keys(paths)) {
      const item = paths[path];
      if (!item || typeof item !== 'object') continue;
      for (const m of METHODS) {
        if (item[m]?.operationId === id) {
          return { method: m.toUpperCase(), path, pathItem: item, operationId: id, matchedBy: 'operationId' };
        }
      }
    }
  }
  return undefined;
}
