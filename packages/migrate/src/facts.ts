// The ONE place this package reads facts about the Atlas operations, from the operations
// `pnpm generate` compiled from specs/ (@atlas-kit/openapi): which operations are dead (deprecated,
// with a replacement), their former ids, methods, paths, media types and request bodies, and their
// Flex replacements. Everything else in the package takes them from here.
import { type OperationFacts, operations } from '@atlas-kit/openapi';

export interface EndpointFacts {
  operationId: string;
  method: OperationFacts['method'];
  /** Path template as the spec writes it, `{name}` for each parameter. */
  path: string;
  mediaType: string;
  resourceVersion: string;
  /** Request body schema name and the properties a request may send (readOnly ones left out). */
  requestBody?: { schema: string; properties: ReadonlySet<string>; required: readonly string[] };
}

export interface DeadOperation extends EndpointFacts {
  /** Earlier operationIds of the same operation (older SDKs and specs call it by these names). */
  formerOperationIds: readonly string[];
  sunset: string | undefined;
  replacement: EndpointFacts;
  /** Path parameter renames, by position in the two templates: `clusterName` → `name`, … */
  parameterRenames: ReadonlyArray<readonly [dead: string, replacement: string]>;
}

const all: Record<string, OperationFacts> = operations;

function endpoint(facts: OperationFacts): EndpointFacts {
  const body = facts.requestBody;
  return {
    operationId: facts.operationId,
    method: facts.method,
    path: facts.path,
    mediaType: facts.mediaType,
    resourceVersion: facts.version,
    ...(body?.schema
      ? {
          requestBody: {
            schema: body.schema,
            // A field's name and presence are what the codemod needs; its pattern is the validators' business.
            properties: new Set(body.properties),
            required: body.requiredProperties,
          },
        }
      : {}),
  };
}

/** The path parameters of an operation, in the order its path names them. */
const pathParameters = (op: OperationFacts) => op.parameters.filter((p) => p.in === 'path').map((p) => p.name);

function dead(op: OperationFacts, next: OperationFacts): DeadOperation {
  const operationId = op.operationId;
  const replacementId = next.operationId;
  const facts = endpoint(op);
  const replacement = endpoint(next);
  const from = pathParameters(op);
  const to = pathParameters(next);
  // The codemod maps parameters by position; a replacement with other parameters needs a person.
  if (from.length !== to.length) {
    throw new Error(`${operationId} → ${replacementId}: the two paths have different parameters`);
  }
  return {
    ...facts,
    formerOperationIds: op.formerOperationIds,
    sunset: op.lifecycle.sunset,
    replacement,
    parameterRenames: from.map((name, i) => [name, to[i] as string] as const),
  };
}

/**
 * A body field of a dead request that the replacement's body lacks, mapped to the path parameter it
 * must equal for the field to be dropped without changing what the request asks for.
 *
 * The tenant download body (TenantRestore) requires `snapshotId` and `targetDeploymentItemName` and
 * takes an optional `targetProjectId`; the Flex body (FlexBackupSnapshotDownloadCreate20241113) has
 * `snapshotId` only: a Flex download always serves a snapshot of the cluster named in its path. So
 * `targetDeploymentItemName` can go when it names that same cluster (the usual call, and the default
 * of the kit's `requestSnapshotDownload`); when it names another cluster, or `targetProjectId` is
 * sent, the old request asked for something the Flex operation cannot express, and a person decides.
 * Neither schema forbids extra properties, but typed callers (the kit's client, openapi-fetch over the
 * generated types) would not compile with a field the Flex body does not declare: it is dropped, not kept.
 * No spec states this relation, hence it is written here.
 */
export const droppableWhenSameAsPathParameter: Readonly<Record<string, string>> = {
  targetDeploymentItemName: 'clusterName',
};

/** The dead operations the scan looks for: every deprecated operation of specs/ that names a replacement. */
export const deadOperations: readonly DeadOperation[] = Object.values(all).flatMap((op) => {
  const next = op.lifecycle.deprecated && op.lifecycle.replacement ? all[op.lifecycle.replacement] : undefined;
  return next ? [dead(op, next)] : [];
});

/** Every name a dead operation goes or went by (a method or function of that name calls it). */
export const deadNames: ReadonlyMap<string, DeadOperation> = new Map(
  deadOperations.flatMap((op) => [op.operationId, ...op.formerOperationIds].map((name) => [name, op] as const)),
);
