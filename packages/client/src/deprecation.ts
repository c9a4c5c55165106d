// Deprecation awareness: what the answer's Deprecation/Sunset/Link headers say together with what
// the spec says (deprecated, x-sunset). Reported once per operation per client, through
// `onDeprecation` or, by default, one console warning.
//
// The header parser (http-link-header, HTTP-dates), the facts of the migration, the notices and the
// events live in deprecation-report.ts, loaded when first needed: when an answer carries one of the
// three headers, when a deprecation is reported, when an EndpointSunsetError is built. An answer
// without them, as every answer of a live operation, costs three header lookups and loads nothing.
import type { DeprecationSignal, Lifecycle } from '@atlas-kit/migration-notice/core';
import type { OperationFacts } from '@atlas-kit/openapi';
import type { ReplacementFacts } from './errors.ts';
import { lazy } from './lazy.ts';

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

const reports = lazy(() => import('./deprecation-report.ts'));

/**
 * What an EndpointSunsetError carries beside the answer: the notice and, for a tenant operation,
 * its replacement. Should deprecation-report.ts fail to load (a chunk a browser could not fetch),
 * a line from the spec's facts stands in for the notice: the error is still the error.
 */
export function sunsetDetails(
  facts: OperationFacts,
  now: Date,
): Promise<{ notice: string; replacement?: ReplacementFacts | undefined }> {
  return reports.load().then(
    (m) => ({ notice: m.noticeFor(facts, null, now), replacement: m.replacementFor(facts.operationId) }),
    () => ({
      notice: `Atlas API: ${facts.operationId} (${facts.method} ${facts.path}) is deprecated${facts.lifecycle.sunset ? `, sunset ${facts.lifecycle.sunset}` : ''} (the full notice could not be loaded).`,
    }),
  );
}

type SignalOrPending = DeprecationSignal | null | Promise<DeprecationSignal | null>;

/**
 * Reads the deprecation headers of an answer. Nothing is parsed (nor loaded) when none of the three
 * is there, and a deprecated endpoint repeats the same three values on every answer, so the last
 * parse is reused while the raw values stay the same (the signal is frozen: it is shared). A
 * promise only while the parser is first loaded.
 */
export function createSignalReader(): (headers: Headers) => SignalOrPending {
  let lastKey: string | undefined;
  let lastSignal: DeprecationSignal | null = null;
  const parse = (read: (headers: Headers) => DeprecationSignal | null, key: string, headers: Headers) => {
    const signal = read(headers);
    lastSignal = signal
      ? Object.freeze({ ...signal, problems: Object.freeze([...signal.problems]) as string[] })
      : null;
    lastKey = key;
    return lastSignal;
  };
  return (headers) => {
    const deprecation = headers.get('deprecation');
    const sunset = headers.get('sunset');
    const link = headers.get('link');
    if (deprecation === null && sunset === null && link === null) return null;
    const key = `${deprecation}\n${sunset}\n${link}`;
    if (key === lastKey) return lastSignal;
    const loaded = reports.value;
    if (loaded) return parse(loaded.readDeprecationSignal, key, headers);
    return reports.load().then(
      (m) => parse(m.readDeprecationSignal, key, headers),
      // The answer arrived and the call succeeded: say that the headers went unread, do not fail it.
      (error: unknown) => ({
        problems: [`deprecation headers not read: the header parser did not load (${String(error)})`],
      }),
    );
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
    /**
     * Called for every HTTP answer of an operation; reports at most once per operation. Returns a
     * promise only when it reports (deprecation-report.ts may have to be loaded first), settled
     * once the listener ran; it never rejects.
     */
    observe(facts: OperationFacts, signal: DeprecationSignal | null): Promise<void> | undefined {
      if (reported.has(facts.operationId)) return undefined;
      if (!facts.lifecycle.deprecated && !signal) return undefined;
      reported.add(facts.operationId);
      const now = options.now();
      return reports.load().then(
        (m) => {
          try {
            emit(m.deprecationEvent(facts, signal, now));
          } catch {
            // A throwing listener must not turn a successful call into a failure.
          }
        },
        () => {
          // Not loaded: reported with a later answer instead.
          reported.delete(facts.operationId);
        },
      );
    },
  };
}
