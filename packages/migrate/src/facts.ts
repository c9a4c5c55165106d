// The ONE place this package reads facts about the Atlas operations: which operations are dead, their
// former ids, methods, paths, media types and request bodies, and their Flex replacements. Everything
// else in the package takes them from here, so pointing this module at another source of facts (the
// generated operations module) is a change of this file only.
import { deprecatedOperation, replacementOperation, restoreJobPolls } from '@atlas-kit/migration-notice';
import { atlasDocument, type OperationFacts, operation } from '@atlas-kit/openapi';

export interface EndpointFacts {
  operationId: string;
  method: OperationFacts['method'];
  /** Path template as the spec writes it, `{name}` for each parameter. */
  path: string;
  mediaType: string;
  resourceVersion: string;
  /** Request body schema name and the properties a request may send (readOnly ones left out). */
  requestBody?: { schema: string; properties: Record<string, { pattern?: string }>; required: string[] };
}

export interface DeadOperation extends EndpointFacts {
  /** Earlier operationIds of the same operation (older SDKs and specs call it by these names). */
  formerOperationIds: readonly string[];
  sunset: string | undefined;
  replacement: EndpointFacts;
  /** Path parameter renames, by position in the two templates: `clusterName` → `name`, … */
  parameterRenames: ReadonlyArray<readonly [dead: string, replacement: string]>;
}

type Schema = Record<string, any>;

function schemaByRef(ref: string): [name: string, schema: Schema] {
  const name = ref.replace('#/components/schemas/', '');
  const schema = atlasDocument.components.schemas?.[name];
  if (!schema) throw new Error(`the spec has no schema ${name}`);
  return [name, schema];
}

function requestBodyOf(facts: OperationFacts): EndpointFacts['requestBody'] {
  const content = atlasDocument.paths[facts.path]?.[facts.method.toLowerCase()]?.requestBody?.content;
  const ref = content?.[facts.mediaType]?.schema?.$ref;
  if (typeof ref !== 'string') return undefined;
  const [schema, body] = schemaByRef(ref);
  const properties: Record<string, { pattern?: string }> = {};
  for (const [name, property] of Object.entries<Schema>(body.properties ?? {})) {
    if (property.readOnly === true) continue;
    properties[name] = typeof property.pattern === 'string' ? { pattern: property.pattern } : {};
  }
  const required = ((body.required ?? []) as string[]).filter((name) => name in properties);
  return { schema, properties, required };
}

function endpoint(operationId: string): EndpointFacts {
  const facts = operation(operationId);
  const requestBody = requestBodyOf(facts);
  return {
    operationId,
    method: facts.method,
    path: facts.path,
    mediaType: facts.mediaType,
    resourceVersion: facts.resourceVersion,
    ...(requestBody ? { requestBody } : {}),
  };
}

/** `{groupId}` → `groupId`, in the order the template names them. */
export function templateParameters(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment.startsWith('{') && segment.endsWith('}'))
    .map((segment) => segment.slice(1, -1));
}

function dead(operationId: string, replacementId: string, formerOperationIds: readonly string[]): DeadOperation {
  const facts = endpoint(operationId);
  const replacement = endpoint(replacementId);
  const from = templateParameters(facts.path);
  const to = templateParameters(replacement.path);
  // The codemod maps parameters by position; a replacement with other parameters needs a person.
  if (from.length !== to.length) {
    throw new Error(`${operationId} → ${replacementId}: the two paths have different parameters`);
  }
  return {
    ...facts,
    formerOperationIds,
    sunset: operation(operationId).sunset,
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

/** The dead operations the scan looks for: the tenant download and its restore-job poll. */
export const deadOperations: readonly DeadOperation[] = [
  dead(deprecatedOperation.operationId, replacementOperation.operationId, deprecatedOperation.formerOperationIds),
  dead(restoreJobPolls.tenant.operationId, restoreJobPolls.flex.operationId, []),
];

/** Every name a dead operation goes or went by (a method or function of that name calls it). */
export const deadNames: ReadonlyMap<string, DeadOperation> = new Map(
  deadOperations.flatMap((op) => [op.operationId, ...op.formerOperationIds].map((name) => [name, op] as const)),
);
