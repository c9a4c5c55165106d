import { type Change, change } from './change.ts';
import { daysBetween, formatDay, parseDay } from './dates.ts';
import type { LifecycleFacts } from './facts.ts';
import type { OperationModel } from './model.ts';

/** A place in a caller's code that still calls an operation (from a source scan such as @atlas-kit/migrate). */
export interface Caller {
  file: string;
  line: number;
  column: number;
  operationId: string;
}

export type Phase = 'live' | 'deprecated' | 'past-sunset' | 'removed';

/** Past its sunset, listed upstream or not: the operation no longer answers. */
export const pastSunset = (phase: Phase): boolean => phase === 'past-sunset' || phase === 'removed';

export interface LifecycleReport {
  now: string;
  phase: Phase;
  /** upstream's flag while upstream lists the operation, else the baseline's */
  deprecated: boolean;
  /** the date the phase is computed from: upstream's x-sunset while listed there, else the kit's */
  sunset?: string;
  /** both dates, labelled, so a report can say which is whose when they differ */
  sunsets: { upstream?: string; kit?: string };
  daysRemaining?: number;
  daysElapsed?: number;
  replacement?: { operationId: string; method: string; path: string; docsUrl: string; foundUpstream: boolean };
  /** callers of this operation that remain, when a caller list was given (first few; `count` is all) */
  callers?: { count: number; first: Caller[] };
}

export interface LifecycleInput {
  baseline: OperationModel;
  upstream: OperationModel | undefined;
  facts: LifecycleFacts | undefined;
  replacementFound: boolean;
  now: Date;
  /** undefined: no caller list was given; [] : a scan found none */
  callers: Caller[] | undefined;
}

const SHOWN_CALLERS = 3;

export function lifecycleOf(input: LifecycleInput): LifecycleReport {
  const { baseline: b, upstream: u, facts, now } = input;
  const kit = b.sunset ?? facts?.sunset;
  const report: LifecycleReport = {
    now: formatDay(now),
    phase: 'live',
    deprecated: u ? u.deprecated : b.deprecated,
    sunsets: { ...(u?.sunset ? { upstream: u.sunset } : {}), ...(kit ? { kit } : {}) },
  };
  const sunset = (u ? u.sunset : undefined) ?? kit;
  const day = sunset ? parseDay(sunset) : undefined;
  if (sunset) report.sunset = sunset;
  if (day) {
    const diff = daysBetween(now, day);
    report.daysRemaining = Math.max(0, diff);
    report.daysElapsed = Math.max(0, -diff);
  }
  if (!u) report.phase = 'removed';
  else if (day && now.getTime() >= day.getTime()) report.phase = 'past-sunset';
  else if (report.deprecated || sunset) report.phase = 'deprecated';
  if (facts?.replacement) report.replacement = { ...facts.replacement, foundUpstream: input.replacementFound };
  if (input.callers && facts) {
    const ids = new Set([facts.operationId, ...facts.otherOperationIds]);
    const mine = input.callers.filter((c) => ids.has(c.operationId));
    report.callers = { count: mine.length, first: mine.slice(0, SHOWN_CALLERS) };
  }
  return report;
}

const where = (c: Caller) => `${c.file}:${c.line}:${c.column}`;

/**
 * The lifecycle verdicts. A removal after the sunset, with the replacement upstream, is the expected
 * end of the operation's life: a warning with the migration pointer — breaking with
 * `--strict-lifecycle`, or while a caller list says code still calls it. A removal before the
 * sunset, without a sunset, or with no replacement to go to is breaking.
 */
export function lifecycleChanges(report: LifecycleReport, b: OperationModel, strict: boolean): Change[] {
  const operation = `${b.method} ${b.path}${b.operationId ? ` (${b.operationId})` : ''}`;
  const r = report.replacement;
  const migrate = r ? `migrate to ${r.operationId} (${r.method} ${r.path})` : 'no replacement is known';
  const out: Change[] = [];
  if (report.phase === 'removed') {
    const sunset = report.sunsets.kit ?? report.sunset;
    if (!sunset || !parseDay(sunset)) {
      out.push(change('operation-removed', 'operation', { operation }));
    } else if ((report.daysRemaining ?? 0) > 0) {
      out.push(
        change('operation-removed-before-sunset', 'operation', { operation, sunset, days: report.daysRemaining }),
      );
    } else if (!r?.foundUpstream) {
      const detail = r
        ? `its replacement ${r.operationId} (${r.method} ${r.path}) is not there either`
        : 'no replacement is known';
      out.push(change('operation-removed-without-replacement', 'operation', { operation, sunset, detail }));
    } else {
      const callers = report.callers;
      const remaining = callers && callers.count > 0;
      const detail = remaining
        ? `but ${callers.count} caller${callers.count === 1 ? '' : 's'} still call${callers.count === 1 ? 's' : ''} it (${callers.first.map(where).join(', ')}${callers.count > callers.first.length ? ', …' : ''}): ${migrate}`
        : callers
          ? `no callers remain; the replacement is ${r.operationId}`
          : migrate;
      out.push(
        change(
          'operation-removed-after-sunset',
          'operation',
          { operation, sunset, days: report.daysElapsed, detail },
          { escalated: strict || remaining === true },
        ),
      );
    }
  } else if (report.phase === 'past-sunset') {
    out.push(
      change('operation-past-sunset', 'operation.x-sunset', {
        operation,
        sunset: report.sunset,
        days: report.daysElapsed,
        detail: migrate,
      }),
    );
    if (r && !r.foundUpstream) {
      out.push(change('replacement-operation-missing', `replacement.${r.operationId}`, { replacement: r.operationId }));
    }
  }
  return out;
}
