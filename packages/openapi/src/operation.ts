import { atlasDocument } from './documents.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OperationFacts {
  operationId: string;
  method: HttpMethod;
  /** Path template as the spec writes it, e.g. `/api/atlas/v2/groups/{groupId}/…`. */
  path: string;
  /** The versioned media type of the operation, e.g. `application/vnd.atlas.2023-01-01+json`. */
  mediaType: string;
  /** The date in the media type, e.g. `2023-01-01`. */
  resourceVersion: string;
  deprecated: boolean;
  /** `x-sunset`, `YYYY-MM-DD`, when the spec declares one. */
  sunset?: string;
  /** Documented response statuses, e.g. `['200', '400', …]`. */
  statuses: string[];
}

/** The server the spec names (`servers[0].url`): the default origin of client and mocks. */
export const atlasServerUrl: string = (() => {
  const url = (atlasDocument.servers as Array<{ url?: string }> | undefined)?.[0]?.url;
  if (!url) throw new Error('the merged spec names no server');
  return url;
})();

const versioned = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/;
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

function collect(): Map<string, OperationFacts> {
  const byId = new Map<string, OperationFacts>();
  for (const [path, item] of Object.entries(atlasDocument.paths)) {
    for (const method of methods) {
      const op = item[method];
      if (!op?.operationId) continue;
      // Success answers carry the versioned type; the request body (when any) carries the same one.
      const success = Object.entries<any>(op.responses ?? {}).find(([status]) => status.startsWith('2'));
      const mediaType = Object.keys(op.requestBody?.content ?? success?.[1]?.content ?? {}).find((t) =>
        versioned.test(t),
      );
      if (!mediaType) throw new Error(`${op.operationId}: no versioned media type in the spec`);
      byId.set(op.operationId, {
        operationId: op.operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        mediaType,
        resourceVersion: versioned.exec(mediaType)?.[1] as string,
        deprecated: op.deprecated === true,
        ...(op['x-sunset'] ? { sunset: String(op['x-sunset']) } : {}),
        statuses: Object.keys(op.responses ?? {}),
      });
    }
  }
  return byId;
}

const operations = collect();

/** Facts of one operation, read from the spec so that no package retypes a path or a version. */
export function operation(operationId: string): OperationFacts {
  const found = operations.get(operationId);
  if (!found) {
    throw new Error(`Unknown operationId "${operationId}"; the spec has: ${[...operations.keys()].join(', ')}`);
  }
  return found;
}

export function operationIds(): string[] {
  return [...operations.keys()];
}
