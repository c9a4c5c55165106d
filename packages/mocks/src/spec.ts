// Everything the handlers know about the four operations, read once from the merged spec
// (atlasDocument): paths, media types, parameters, documented statuses, example bodies and the
// error bodies of components/responses. Nothing here is retyped from the YAML.
import { atlasDocument, atlasServerUrl, createSpecValidator, operation } from '@atlas-kit/openapi';

export const atlasOperationIds = [
  'downloadClusterBackupTenant',
  'getBackupTenantRestore',
  'downloadFlexBackup',
  'getFlexRestoreJob',
] as const;

export type AtlasOperationId = (typeof atlasOperationIds)[number];

type Node = Record<string, any>;

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Node;
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
  statuses: number[];
  parameters: ParameterSpec[];
  /** Request body media types and schema (POST operations). */
  requestBody?: { required: boolean; mediaTypes: string[]; schema: Node };
  /** The example body of the 200 answer. */
  example: Node;
  /** The name of the path parameter that identifies the cluster (`clusterName` / `name`). */
  clusterParam: string;
  /** The name of the path parameter that identifies the restore job (GET operations). */
  jobParam?: string;
}

const spec = createSpecValidator(atlasDocument);
export const deref = spec.deref;

function resolveParameter(p: Node): ParameterSpec {
  const param = deref<Node>(p);
  return { name: param.name, in: param.in, required: param.required === true, schema: param.schema ?? {} };
}

function loadOperation(operationId: AtlasOperationId): OperationSpec {
  const facts = operation(operationId);
  const { operation: op } = spec.findOperation(operationId);
  const parameters: ParameterSpec[] = (op.parameters ?? []).map(resolveParameter);
  const success = deref<Node>(op.responses['200']);
  const example = success.content?.[facts.mediaType]?.example;
  if (!example) throw new Error(`${operationId}: the spec has no 200 example for ${facts.mediaType}`);
  let requestBody: OperationSpec['requestBody'];
  if (op.requestBody) {
    const body = deref<Node>(op.requestBody);
    const mediaTypes = Object.keys(body.content ?? {});
    const first = mediaTypes[0];
    if (!first) throw new Error(`${operationId}: request body without media type`);
    requestBody = { required: body.required === true, mediaTypes, schema: body.content[first].schema };
  }
  const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name);
  // The path template ends with the job id for the polls; the cluster is the segment before /backup.
  const segments = facts.path.split('/');
  const paramOf = (segment: string | undefined) => segment?.match(/^\{(\w+)\}$/)?.[1];
  const clusterParam = paramOf(segments[segments.indexOf('backup') - 1]);
  if (!clusterParam || !pathParams.includes(clusterParam)) throw new Error(`${operationId}: no cluster path parameter`);
  const last = paramOf(segments.at(-1));
  return {
    operationId,
    method: facts.method as 'GET' | 'POST',
    path: facts.path,
    pattern: facts.path.replace(/\{(\w+)\}/g, ':$1'),
    mediaType: facts.mediaType,
    deprecated: facts.deprecated,
    // x-sunset names a day; like @atlas-kit/migration-notice's lifecycle(), the whole day counts as sunset.
    ...(facts.sunset ? { sunsetAt: new Date(`${facts.sunset}T00:00:00.000Z`) } : {}),
    statuses: facts.statuses.map(Number),
    parameters,
    ...(requestBody ? { requestBody } : {}),
    example,
    clusterParam,
    ...(last ? { jobParam: last } : {}),
  };
}

export const operationSpecs: Record<AtlasOperationId, OperationSpec> = Object.fromEntries(
  atlasOperationIds.map((id) => [id, loadOperation(id)]),
) as Record<AtlasOperationId, OperationSpec>;

/** The error body an operation documents for a status (its `application/json` example). */
export function errorExample(operationId: AtlasOperationId, status: number): Node | undefined {
  const { operation: op } = spec.findOperation(operationId);
  const response = op.responses?.[String(status)];
  if (!response) return undefined;
  return deref<Node>(response).content?.['application/json']?.example;
}

/** An error example of components/responses, by name (e.g. `notFound`). */
export function componentErrorExample(name: string): Node {
  const example = atlasDocument.components.responses?.[name]?.content?.['application/json']?.example;
  if (!example) throw new Error(`components/responses/${name} has no application/json example`);
  return example;
}

/** `RATE_LIMITED`: the errorCode of the spec's 429 example (components/responses/tooManyRequests). */
export const rateLimitedErrorCode: string = componentErrorExample('tooManyRequests').errorCode;

/** The server the spec names (links in bodies point there, as Atlas's do). */
export const specServerUrl: string = atlasServerUrl;

/** The API prefix every operation shares (`/api/atlas/v2`): the catch-all answers 404 under it. */
export const apiPrefix: string = (() => {
  const path = operationSpecs.downloadClusterBackupTenant.path;
  return path.slice(0, path.indexOf('/groups/'));
})();

export { atlasDocument };
