// What the handlers know about the operations they answer, from the facts `pnpm generate`
// compiled from specs/ (@atlas-kit/openapi): routes, media types, parameters, documented statuses
// and error codes, lifecycle and the example bodies. Nothing here reads a spec document.
import { atlas, type ErrorBody, type OperationFacts, operations } from '@atlas-kit/openapi';
import { examples } from '@atlas-kit/openapi/examples';

export const atlasOperationIds = [
  'downloadClusterBackupTenant',
  'getBackupTenantRestore',
  'downloadFlexBackup',
  'getFlexRestoreJob',
  'listFlexBackupSnapshots',
  'getFlexBackupSnapshot',
] as const;

export type AtlasOperationId = (typeof atlasOperationIds)[number];

type Node = Record<string, any>;

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  required: boolean;
}

export interface OperationSpec {
  operationId: AtlasOperationId;
  method: 'GET' | 'POST';
  /** Path template as the spec writes it (`{groupId}`). */
  path: string;
  /** msw path pattern (`:groupId`). */
  pattern: string;
  /** The versioned media type of the success answer (and of the request body). */
  mediaType: string;
  deprecated: boolean;
  /** Start of the sunset day (UTC) when the operation has `x-sunset`. */
  sunsetAt?: Date;
  /** Documented statuses, as numbers. */
  statuses: readonly number[];
  parameters: ParameterSpec[];
  /** Request body media types (POST operations). */
  requestBody?: { required: boolean; mediaTypes: string[] };
  /** The example body of the 200 answer. */
  example: Node;
  /** The name of the path parameter that identifies the cluster (`clusterName` / `name`). */
  clusterParam: string;
  /** The name of the path parameter that identifies the restore job (GET operations). */
  jobParam?: string;
  facts: OperationFacts;
}

function loadOperation(operationId: AtlasOperationId): OperationSpec {
  const facts: OperationFacts = operations[operationId];
  const pathParams = facts.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  // Path parameters come in path order: the cluster is the second, the job (polls) the third.
  const clusterParam = pathParams[1];
  if (!clusterParam) throw new Error(`${operationId}: no cluster path parameter`);
  return {
    operationId,
    method: facts.method as 'GET' | 'POST',
    path: facts.path,
    pattern: facts.mswPath,
    mediaType: facts.mediaType,
    deprecated: facts.lifecycle.deprecated,
    // x-sunset names a day; like @atlas-kit/migration-notice's lifecycle(), the whole day counts as sunset.
    ...(facts.lifecycle.sunset ? { sunsetAt: new Date(`${facts.lifecycle.sunset}T00:00:00.000Z`) } : {}),
    statuses: facts.statuses,
    parameters: facts.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required })),
    ...(facts.requestBody
      ? { requestBody: { required: facts.requestBody.required, mediaTypes: [facts.requestBody.mediaType] } }
      : {}),
    example: examples[operationId].success as Node,
    clusterParam,
    ...(pathParams[2] ? { jobParam: pathParams[2] } : {}),
    facts,
  };
}

export const operationSpecs: Record<AtlasOperationId, OperationSpec> = Object.fromEntries(
  atlasOperationIds.map((id) => [id, loadOperation(id)]),
) as Record<AtlasOperationId, OperationSpec>;

/** The documented error body of an operation for a status and code (default: the answer's default code). */
export function errorExample(operationId: AtlasOperationId, status: number, code?: string): ErrorBody | undefined {
  const byCode = (examples[operationId].errors as Record<string, Record<string, ErrorBody>>)[String(status)];
  if (!byCode) return undefined;
  const documented = (operations[operationId].responses as Record<string, { errorCodes: readonly string[] }>)[
    String(status)
  ];
  const key = code ?? documented?.errorCodes[0];
  return key === undefined ? undefined : byCode[key];
}

/** Atlas's generic errorCode of a status (e.g. `RESOURCE_NOT_FOUND` for 404). */
export function genericErrorCode(status: number): string | undefined {
  return (atlas.errorCodes as Record<string, string>)[String(status)];
}

/** `RATE_LIMITED`: the errorCode Atlas answers a 429 with. */
export const rateLimitedErrorCode: string = atlas.errorCodes['429'];

/** The server the spec names (links in bodies point there, as Atlas's do). */
export const specServerUrl: string = atlas.serverUrl;

/** The API prefix every operation shares (`/api/atlas/v2`): the catch-all answers 404 under it. */
export const apiPrefix: string = atlas.apiPrefix;

/** Atlas's generic error body of a status, as the spec's shared answers give it. */
export function genericErrorBody(status: number): ErrorBody {
  const code = genericErrorCode(status);
  for (const id of atlasOperationIds) {
    const body = code === undefined ? undefined : errorExample(id, status, code);
    if (body) return body;
  }
  throw new Error(`the spec gives no generic ${status} answer`);
}
