// Deprecation awareness: what the answer's Deprecation/Sunset/Link headers say (read with the
// migration-notice helpers) together with what the spec says (deprecated, x-sunset). Reported
// once per operation per client, through `onDeprecation` or, by default, one console warning.
import {
  type DeprecationSignal,
  deprecatedOperation,
  type Lifecycle,
  lifecycle,
  readDeprecationSignal,
  renderNotice,
  replacementOperation,
  restoreJobPolls,
} from '@atlas-kit/migration-notice';
import type { OperationFacts } from '@atlas-kit/openapi';
import type { ReplacementFacts } from './errors.ts';

export interface DeprecationEvent {
  operationId: string;
  method: string;
  /** Path template from the spec. */
  path: string;
  /** The spec marks the operation deprecated. */
  deprecated: boolean;
  /** The operation's `x-sunset` (YYYY-MM-DD), when the spec has one. */
  sunset?: string;
  /** What the answer's headers said; null when they said nothing. */
  signal: DeprecationSignal | null;
  /** Where the deprecated snapshot endpoints stand (tenant operations only). */
  lifecycle?: Lifecycle;
  /** What to call instead (tenant operations only). */
  replacement?: ReplacementFacts;
  /** Human-readable notice (plain text). */
  notice: string;
}

const tenantOperations = new Set<string>([deprecatedOperation.operationId, restoreJobPolls.tenant.operationId]);

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

export function noticeFor(facts: OperationFacts, signal: DeprecationSignal | null, now: Date): string {
  if (tenantOperations.has(facts.operationId)) return renderNotice({ format: 'text', now });
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

/**
 * Reads the deprecation headers of an answer. Nothing is parsed when none of the three is there,
 * and a deprecated endpoint repeats the same three values on every answer, so the last parse is
 * reused while the raw values stay the same (the signal is frozen: it is shared).
 */
export function createSignalReader(): (headers: Headers) => DeprecationSignal | null {
  let lastKey: string | undefined;
  let lastSignal: DeprecationSignal | null = null;
  return (headers) => {
    const deprecation = headers.get('deprecation');
    const sunset = headers.get('sunset');
    const link = headers.get('link');
    if (deprecation === null && sunset === null && link === null) return null;
    const key = `${deprecation}\n${sunset}\n${link}`;
    if (key !== lastKey) {
      const signal = readDeprecationSignal(headers);
      lastSignal = signal
        ? Object.freeze({ ...signal, problems: Object.freeze([...signal.problems]) as string[] })
        : null;
      lastKey = key;
    }
    return lastSignal;
  };
}

export function createDeprecationReporter(options: {
  onDeprecation?: (event: DeprecationEvent) => void;
  now: () => Date;
}) {
  const reported = new Set<string>();
  const emit =
    options.onDeprecation ??
    ((event: DeprecationEvent) => {
      console.warn(event.notice);
    });
  return {
    /** Called for every HTTP answer of an operation; reports at most once per operation. */
    observe(facts: OperationFacts, signal: DeprecationSignal | null): void {
      if (reported.has(facts.operationId)) return;
      if (!facts.lifecycle.deprecated && !signal) return;
      reported.add(facts.operationId);
      const now = options.now();
      const tenant = tenantOperations.has(facts.operationId);
      const replacement = replacementFor(facts.operationId);
      const event: DeprecationEvent = {
        operationId: facts.operationId,
        method: facts.method,
        path: facts.path,
        deprecated: facts.lifecycle.deprecated,
        ...(facts.lifecycle.sunset ? { sunset: facts.lifecycle.sunset } : {}),
        signal,
        ...(tenant ? { lifecycle: lifecycle(now) } : {}),
        ...(replacement ? { replacement } : {}),
        notice: noticeFor(facts, signal, now),
      };
      try {
        emit(event);
      } catch {
        // A throwing listener must not turn a successful call into a failure.
      }
    },
  };
}
