// @atlas-kit/openapi: the facts `pnpm generate` compiled from specs/ (fragments + overlay) and the
// request validators compiled with them. Examples, answer validation, generated types and the JSON
// documents have entries of their own, so that a client bundle carries only what it uses.
import { atlas, operations } from './generated/operations.ts';
import type { OperationId } from './validate.ts';

export type {
  AtlasFacts,
  ErrorBody,
  HttpMethod,
  LifecycleFacts,
  OperationExamples,
  OperationFacts,
  ParameterFacts,
  RateLimitFacts,
  RequestBodyFacts,
  ResponseFacts,
} from './facts-types.ts';
export { atlas, operations } from './generated/operations.ts';
export {
  type OperationId,
  type ParamsResult,
  type SchemaIssue,
  validateBody,
  validateParams,
} from './validate.ts';

/** Every operationId of specs/, in document order. */
export const operationIds = Object.keys(operations) as OperationId[];

export function isOperationId(value: unknown): value is OperationId {
  return typeof value === 'string' && Object.hasOwn(operations, value);
}

/** The facts of one operation; throws a TypeError naming the known ids for an unknown one. */
export function operation<Id extends OperationId>(operationId: Id): (typeof operations)[Id] {
  if (!isOperationId(operationId)) {
    throw new TypeError(`Unknown operationId ${JSON.stringify(operationId)}; specs/ has ${operationIds.join(', ')}`);
  }
  return operations[operationId];
}

/** The operation a current or former operationId names (e.g. `downloadSharedClusterBackup`). */
export function findOperation(operationId: string): (typeof operations)[OperationId] | undefined {
  if (isOperationId(operationId)) return operations[operationId];
  return Object.values(operations).find((op) => (op.formerOperationIds as readonly string[]).includes(operationId));
}

/** The default origin of client and mocks: the spec's `servers[0].url`. */
export const atlasServerUrl: string = atlas.serverUrl;
