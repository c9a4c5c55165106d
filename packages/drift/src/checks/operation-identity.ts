import { routeKey } from '../locate.ts';
import type { OperationCheck } from './context.ts';

/** Path, method and operationId. A renamed template parameter is not a new path (reported per parameter). */
export const operationIdentity: OperationCheck = (b, u, ctx) => {
  if (routeKey(b.path) !== routeKey(u.path)) {
    ctx.report('operation-path-changed', 'operation.path', { before: b.path, after: u.path });
  }
  if (b.method !== u.method) {
    ctx.report('operation-method-changed', 'operation.method', { before: b.method, after: u.method });
  }
  if (b.operationId !== u.operationId) {
    ctx.report('operation-id-changed', 'operation.operationId', { before: b.operationId, after: u.operationId });
  }
};
