// What deprecation.ts loads when first needed (see there): the deprecation header parser, the
// facts of the migration (what replaces each tenant operation), the notices and the events, with
// @atlas-kit/migration-notice's main entry (its catalogues included).
import {
  type DeprecationSignal,
  deprecatedOperation,
  lifecycle,
  readDeprecationSignal,
  renderNotice,
  replacementOperation,
  restoreJobPolls,
} from '@atlas-kit/migration-notice';
import type { OperationFacts } from '@atlas-kit/openapi';
import type { DeprecationEvent } from './deprecation.ts';
import type { ReplacementFacts } from './errors.ts';

export { readDeprecationSignal };

/** The replacement of a tenant operation: the flex download for the download, the flex poll for the poll. */
export function replacementFor(operationId: string): ReplacementFacts | undefined {
  if (operationId === deprecatedOperation.operationId) {
    const { operationId: id, method, path, docsUrl } = replacementOperation;
    return { operationId: id, method, path, docsUrl };
  }
  if (operationId === restoreJobPolls.tenant.operationId) {
    const flex = restoreJobPolls.flex;
    return { operationId: flex.operationId, method: flex.method, path: flex.path, docsUrl: flex.docsUrl };
  }
  return undefined;
}

/** The rendered migration notice for the tenant operations; one line from the facts for the others. */
export function noticeFor(facts: OperationFacts, signal: DeprecationSignal | null, now: Date): string {
  // The migration notice is about the operations that have a replacement: the tenant ones.
  if (replacementFor(facts.operationId)) return renderNotice({ format: 'text', now });
  const dates = [
    signal?.deprecation ? `deprecated since ${signal.deprecation.toISOString().slice(0, 10)}` : undefined,
    signal?.sunset
      ? `sunset ${signal.sunset.toISOString().slice(0, 10)}`
      : facts.lifecycle.sunset
        ? `sunset ${facts.lifecycle.sunset}`
        : undefined,
    signal?.successor ? `successor: ${signal.successor}` : undefined,
  ].filter(Boolean);
  return `Atlas API: ${facts.operationId} (${facts.method} ${facts.path}) is deprecated${dates.length ? ` — ${dates.join(', ')}` : ''}.`;
}

export function deprecationEvent(facts: OperationFacts, signal: DeprecationSignal | null, now: Date): DeprecationEvent {
  const replacement = replacementFor(facts.operationId);
  return {
    operationId: facts.operationId,
    method: facts.method,
    path: facts.path,
    deprecated: facts.lifecycle.deprecated,
    ...(facts.lifecycle.sunset ? { sunset: facts.lifecycle.sunset } : {}),
    signal,
    ...(replacement ? { lifecycle: lifecycle(now), replacement } : {}),
    notice: noticeFor(facts, signal, now),
  };
}
