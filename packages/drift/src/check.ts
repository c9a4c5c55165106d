import {
  deprecatedOperation,
  lifecycle as pinnedLifecycle,
  renderNotice,
  replacementOperation,
} from '@atlas-kit/migration-notice';
import { type Acknowledgement, type AcknowledgementResult, applyAcknowledgements } from './acknowledge.ts';
import { type Change, compareOperations, type Severity } from './compare.ts';
import { daysBetween, formatDay, parseDay } from './dates.ts';
import { InputError } from './errors.ts';
import type { OpenApiDocument } from './load.ts';
import { listOperations, locateOperation, routeKey } from './locate.ts';
import type { OperationModel } from './model.ts';
import { Resolver } from './resolve.ts';

export interface CheckInput {
  baseline: OpenApiDocument;
  baselineSource: string;
  upstream: OpenApiDocument;
  upstreamSource: string;
  now: Date;
  acknowledgements?: Acknowledgement[];
  acknowledgementsFile?: string;
  /** include description/example/code-sample notes */
  verbose?: boolean;
}

export interface LifecycleReport {
  now: string;
  /** the state the consumer faces: upstream's if the operation is there, else the pinned one */
  deprecated: boolean;
  sunset?: string;
  daysRemaining?: number;
  daysElapsed?: number;
  phase: 'active' | 'deprecated' | 'sunset' | 'removed';
  baseline: { deprecated: boolean; sunset?: string };
  upstream: { found: boolean; deprecated?: boolean; sunset?: string };
  /** migration-notice's lifecycle(now) for the pinned deprecated operation */
  pinned?: ReturnType<typeof pinnedLifecycle>;
  replacement?: { operationId: string; method: string; path: string; docsUrl: string; foundUpstream: boolean };
  /** the rendered migration notice (text) once the operation is sunset or gone */
  notice?: string;
}

export interface DriftReport {
  operation: {
    method: string;
    path: string;
    operationId?: string;
    baseline: string;
    upstream: {
      source: string;
      found: boolean;
      method?: string;
      path?: string;
      operationId?: string;
      matchedBy?: 'path' | 'operationId';
    };
  };
  breaking: boolean;
  changes: Change[];
  lifecycle: LifecycleReport;
  acknowledgements: AcknowledgementResult;
  summary: Record<Severity, number> & { acknowledged: number; hiddenDocOnly: number };
}

export interface CheckResult {
  report: DriftReport;
  timings: { resolveMs: number; compareMs: number };
}

const RANK: Record<Severity, number> = { breaking: 0, warning: 1, info: 2 };

export function checkDrift(input: CheckInput): CheckResult {
  const t0 = performance.now();
  const now = input.now;

  // 1. the pinned operation in the baseline
  const pinnedIds: string[] = [
    deprecatedOperation.operationId,
    ...deprecatedOperation.formerOperationIds,
    deprecatedOperation.docsOperationId,
  ].filter((id) => typeof id === 'string');
  let base = locateOperation(input.baseline, {
    method: deprecatedOperation.method,
    path: deprecatedOperation.path,
    operationIds: pinnedIds,
  });
  if (!base) {
    const ops = listOperations(input.baseline);
    if (ops.length !== 1) {
      throw new InputError(
        `${input.baselineSource} has no ${deprecatedOperation.method} ${deprecatedOperation.path} (${deprecatedOperation.operationId}) and ${ops.length} other operations: cannot tell which one is pinned`,
      );
    }
    const only = ops[0] as { method: string; path: string; operationId?: string };
    base = locateOperation(input.baseline, { method: only.method, path: only.path, operationIds: [] });
  }
  if (!base) throw new InputError(`${input.baselineSource} has no operation to check`);
  const baseResolver = new Resolver(input.baseline, input.baselineSource);
  const b = baseResolver.operation(base.method, base.path, base.pathItem);

  const isPinned =
    (b.operationId !== undefined && pinnedIds.includes(b.operationId)) ||
    (b.method === deprecatedOperation.method && routeKey(b.path) === routeKey(deprecatedOperation.path));

  // 2. the same operation upstream: by route, then by current/former operationId
  const ids = [b.operationId, ...(isPinned ? pinnedIds : [])].filter((id): id is string => typeof id === 'string');
  const found = locateOperation(input.upstream, { method: b.method, path: b.path, operationIds: [...new Set(ids)] });
  const upResolver = new Resolver(input.upstream, input.upstreamSource);
  const u: OperationModel | undefined = found
    ? upResolver.operation(found.method, found.path, found.pathItem)
    : undefined;
  const t1 = performance.now();

  // 3. compare, lifecycle, acknowledgements
  const changes: Change[] = u ? compareOperations(b, u) : [];
  const lifecycle = lifecycleOf(b, u, now, isPinned);
  const replacementFound = isPinned
    ? locateOperation(input.upstream, {
        method: replacementOperation.method,
        path: replacementOperation.path,
        operationIds: [replacementOperation.operationId],
      }) !== undefined
    : false;
  if (isPinned) lifecycle.replacement = { ...pick(replacementOperation), foundUpstream: replacementFound };
  lifecycleChanges(changes, b, u, lifecycle, isPinned, replacementFound);
  if (isPinned && (lifecycle.phase === 'removed' || lifecycle.phase === 'sunset')) {
    lifecycle.notice = renderNotice({ format: 'text', now });
  }

  const visible = input.verbose ? changes : changes.filter((c) => !c.docOnly);
  visible.sort((x, y) => RANK[x.severity] - RANK[y.severity]);
  const acknowledgements = applyAcknowledgements(visible, input.acknowledgements ?? [], now);
  if (input.acknowledgementsFile) acknowledgements.file = input.acknowledgementsFile;
  const active = visible.filter((c) => !c.acknowledged);
  const count = (s: Severity) => active.filter((c) => c.severity === s).length;
  const report: DriftReport = {
    operation: {
      method: b.method,
      path: b.path,
      ...(b.operationId ? { operationId: b.operationId } : {}),
      baseline: input.baselineSource,
      upstream: found
        ? {
            source: input.upstreamSource,
            found: true,
            method: found.method,
            path: found.path,
            ...(u?.operationId ? { operationId: u.operationId } : {}),
            matchedBy: found.matchedBy,
          }
        : { source: input.upstreamSource, found: false },
    },
    breaking: count('breaking') > 0,
    changes: visible,
    lifecycle,
    acknowledgements,
    summary: {
      breaking: count('breaking'),
      warning: count('warning'),
      info: count('info'),
      acknowledged: visible.length - active.length,
      hiddenDocOnly: changes.length - visible.length,
    },
  };
  const t2 = performance.now();
  return { report, timings: { resolveMs: t1 - t0, compareMs: t2 - t1 } };
}

function pick(op: { operationId: string; method: string; path: string; docsUrl: string }) {
  return { operationId: op.operationId, method: op.method, path: op.path, docsUrl: op.docsUrl };
}

function lifecycleOf(b: OperationModel, u: OperationModel | undefined, now: Date, isPinned: boolean): LifecycleReport {
  const report: LifecycleReport = {
    now: formatDay(now),
    deprecated: u ? u.deprecated : b.deprecated,
    phase: 'active',
    baseline: { deprecated: b.deprecated, ...(b.sunset ? { sunset: b.sunset } : {}) },
    upstream: u
      ? { found: true, deprecated: u.deprecated, ...(u.sunset ? { sunset: u.sunset } : {}) }
      : { found: false },
  };
  if (isPinned) report.pinned = pinnedLifecycle(now);
  // upstream's date wins while upstream lists the operation; once it is gone, the pinned date is all we have
  const sunset = (u ? u.sunset : undefined) ?? b.sunset ?? (isPinned ? deprecatedOperation.sunset : undefined);
  const sunsetDay = sunset ? parseDay(sunset) : undefined;
  if (sunset) report.sunset = sunset;
  if (sunsetDay) {
    const diff = daysBetween(now, sunsetDay);
    report.daysRemaining = Math.max(0, diff);
    report.daysElapsed = Math.max(0, -diff);
  }
  if (!u) report.phase = 'removed';
  else if (sunsetDay && now.getTime() >= sunsetDay.getTime()) report.phase = 'sunset';
  else if (report.deprecated || sunset) report.phase = 'deprecated';
  return report;
}

function lifecycleChanges(
  changes: Change[],
  b: OperationModel,
  u: OperationModel | undefined,
  lc: LifecycleReport,
  isPinned: boolean,
  replacementFound: boolean,
): void {
  const name = `${b.method} ${b.path}${b.operationId ? ` (${b.operationId})` : ''}`;
  const migrate = isPinned
    ? ` Migrate to ${replacementOperation.operationId} (${replacementOperation.method} ${replacementOperation.path}): ${replacementOperation.docsUrl}`
    : '';
  if (!u) {
    if (lc.sunset && lc.daysRemaining !== undefined) {
      if (lc.daysRemaining === 0) {
        changes.unshift({
          severity: 'breaking',
          kind: 'operation-removed-after-sunset',
          location: 'operation',
          message: `${name} is gone upstream; its sunset was ${lc.sunset} (${lc.daysElapsed} days before ${lc.now}).${migrate}`,
        });
      } else {
        changes.unshift({
          severity: 'breaking',
          kind: 'operation-removed-before-sunset',
          location: 'operation',
          message: `${name} was removed before its sunset date ${lc.sunset} (${lc.daysRemaining} days early).${migrate}`,
        });
      }
    } else {
      changes.unshift({
        severity: 'breaking',
        kind: 'operation-removed',
        location: 'operation',
        message: `${name} is gone upstream.${migrate}`,
      });
    }
  } else if (lc.phase === 'sunset') {
    changes.push({
      severity: 'warning',
      kind: 'operation-past-sunset',
      location: 'operation.x-sunset',
      message: `${name} is still listed upstream ${lc.daysElapsed} days after its sunset (${lc.sunset}) and can disappear at any time.${migrate}`,
    });
  }
  if (isPinned && !replacementFound && (lc.phase === 'removed' || lc.phase === 'sunset')) {
    changes.push({
      severity: 'warning',
      kind: 'replacement-operation-missing',
      location: `replacement.${replacementOperation.operationId}`,
      message: `the replacement ${replacementOperation.operationId} (${replacementOperation.method} ${replacementOperation.path}) is not in the upstream document either`,
    });
  }
}
