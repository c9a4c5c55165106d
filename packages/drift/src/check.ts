import { type Acknowledgement, type AcknowledgementResult, applyAcknowledgements } from './acknowledge.ts';
import type { Change } from './change.ts';
import { compareOperations } from './compare.ts';
import { formatDay } from './dates.ts';
import { InputError } from './errors.ts';
import { lifecycleFacts } from './facts.ts';
import { type Caller, type LifecycleReport, lifecycleChanges, lifecycleOf, pastSunset } from './lifecycle.ts';
import { type LocatedOperation, listOperations, locateOperation, routeKey } from './locate.ts';
import type { OperationModel } from './model.ts';
import type { OpenApiDocument } from './parse.ts';
import { type ExternalRefs, Resolver } from './resolve.ts';
import type { Severity } from './rules.ts';

export type { Caller, LifecycleReport } from './lifecycle.ts';

export interface CheckDocument {
  doc: OpenApiDocument;
  /** as shown in reports */
  source: string;
  /** external `$ref` policy: upstream documents get none; a baseline file's stay inside its repository */
  refs?: ExternalRefs;
}

export interface CheckInput {
  /** the pinned fragments: every operation they hold is checked */
  baselines: CheckDocument[];
  /** searched in order; the first that has an operation (by route, then by operationId) is its upstream */
  upstreams: CheckDocument[];
  now: Date;
  /** operationIds to check (all when absent or empty) */
  operations?: string[];
  /** removal after the sunset stays breaking (else a warning while the replacement is upstream) */
  strictLifecycle?: boolean;
  /**
   * Call sites still calling an operation, from a source scan: while a removed operation has
   * callers its removal is breaking; with a list that names none, a warning. Absent: not known.
   */
  callers?: Caller[];
  acknowledgements?: Acknowledgement[];
  acknowledgementsFile?: string;
  /** include description/example/code-sample notes */
  verbose?: boolean;
}

/** `ok` only when nothing needs attention; a dead or dying operation is never `ok`. */
export type Verdict = 'breaking' | 'warning' | 'ok';

export interface Counts {
  breaking: number;
  warning: number;
  info: number;
  acknowledged: number;
  hiddenDocOnly: number;
}

export interface OperationReport {
  method: string;
  path: string;
  operationId?: string;
  baseline: string;
  upstream: {
    found: boolean;
    source?: string;
    method?: string;
    path?: string;
    operationId?: string;
    matchedBy?: 'path' | 'operationId';
  };
  verdict: Verdict;
  lifecycle: LifecycleReport;
  changes: Change[];
  summary: Counts;
}

export interface DriftReport {
  verdict: Verdict;
  breaking: boolean;
  now: string;
  baselines: string[];
  upstreams: string[];
  operations: OperationReport[];
  acknowledgements: AcknowledgementResult;
  /** the migration notice belongs in the report (an operation of its family is past its sunset or gone) */
  migrationNotice: boolean;
  summary: Counts & { operations: number };
}

export interface CheckResult {
  report: DriftReport;
  timings: { resolveMs: number; compareMs: number };
}

const RANK: Record<Severity, number> = { breaking: 0, warning: 1, info: 2 };
const VERDICT_RANK: Record<Verdict, number> = { breaking: 0, warning: 1, ok: 2 };

interface Pinned {
  located: LocatedOperation;
  baseline: CheckDocument;
  resolver: Resolver;
}

/** Every operation of every baseline (the first wins when two documents hold the same route). */
function pinnedOperations(input: CheckInput): Pinned[] {
  const out: Pinned[] = [];
  const routes = new Set<string>();
  for (const baseline of input.baselines) {
    const resolver = new Resolver(baseline.doc, baseline.source, baseline.refs);
    const deref = (item: unknown) => resolver.deref(item).value;
    const listed = listOperations(baseline.doc, deref);
    if (listed.length === 0) throw new InputError(`${baseline.source} has no operation to check`);
    for (const op of listed) {
      const route = `${op.method} ${routeKey(op.path)}`;
      if (routes.has(route)) continue;
      routes.add(route);
      const located = locateOperation(baseline.doc, { ...op, operationIds: [] }, deref) as LocatedOperation;
      out.push({ located, baseline, resolver });
    }
  }
  const wanted = input.operations ?? [];
  if (wanted.length === 0) return out;
  const known = out.map((p) => p.located.operationId).filter((id): id is string => id !== undefined);
  for (const id of wanted) {
    if (!known.includes(id)) {
      throw new InputError(
        `--operation ${JSON.stringify(id)}: no such operationId in the baseline (it has ${known.join(', ')})`,
      );
    }
  }
  return out.filter((p) => p.located.operationId !== undefined && wanted.includes(p.located.operationId));
}

export function checkDrift(input: CheckInput): CheckResult {
  const t0 = performance.now();
  const upstreams = input.upstreams.map((u) => {
    const resolver = new Resolver(u.doc, u.source, u.refs);
    return { ...u, resolver, deref: (item: unknown) => resolver.deref(item).value };
  });
  const find = (target: { method: string; path: string; operationIds: string[] }) => {
    for (const u of upstreams) {
      const found = locateOperation(u.doc, target, u.deref);
      if (found) return { found, upstream: u };
    }
    return undefined;
  };

  const pairs = pinnedOperations(input).map(({ located, baseline, resolver }) => {
    const b = resolver.operation(located.method, located.path, located.pathItem);
    const facts = lifecycleFacts(b);
    const ids = [b.operationId, ...(facts ? [facts.operationId, ...facts.otherOperationIds] : [])];
    const operationIds = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    const hit = find({ method: b.method, path: b.path, operationIds });
    const u: OperationModel | undefined = hit
      ? hit.upstream.resolver.operation(hit.found.method, hit.found.path, hit.found.pathItem)
      : undefined;
    const r = facts?.replacement;
    const replacementFound =
      r !== undefined && find({ method: r.method, path: r.path, operationIds: [r.operationId] }) !== undefined;
    return { baseline, b, u, hit, facts, replacementFound };
  });
  const t1 = performance.now();

  const operations: OperationReport[] = pairs.map(({ baseline, b, u, hit, facts, replacementFound }) => {
    const lifecycle = lifecycleOf({
      baseline: b,
      upstream: u,
      facts,
      replacementFound,
      now: input.now,
      callers: input.callers,
    });
    const all = [
      ...lifecycleChanges(lifecycle, b, input.strictLifecycle === true),
      ...(u ? compareOperations(b, u) : []),
    ];
    const changes = input.verbose ? all : all.filter((c) => !c.docOnly);
    changes.sort((x, y) => RANK[x.severity] - RANK[y.severity]);
    const report: OperationReport = {
      method: b.method,
      path: b.path,
      ...(b.operationId ? { operationId: b.operationId } : {}),
      baseline: baseline.source,
      upstream:
        hit && u
          ? {
              found: true,
              source: hit.upstream.source,
              method: hit.found.method,
              path: hit.found.path,
              ...(u.operationId ? { operationId: u.operationId } : {}),
              matchedBy: hit.found.matchedBy,
            }
          : { found: false },
      verdict: 'ok',
      lifecycle,
      changes,
      summary: { breaking: 0, warning: 0, info: 0, acknowledged: 0, hiddenDocOnly: all.length - changes.length },
    };
    return report;
  });

  const acknowledgements = applyAcknowledgements(
    operations.map((op) => ({ ...(op.operationId ? { operationId: op.operationId } : {}), changes: op.changes })),
    input.acknowledgements ?? [],
    input.now,
  );
  if (input.acknowledgementsFile) acknowledgements.file = input.acknowledgementsFile;

  const total: Counts = { breaking: 0, warning: 0, info: 0, acknowledged: 0, hiddenDocOnly: 0 };
  for (const op of operations) {
    for (const c of op.changes) {
      if (c.acknowledged) op.summary.acknowledged++;
      else op.summary[c.severity]++;
    }
    op.verdict = op.summary.breaking
      ? 'breaking'
      : op.summary.warning || pastSunset(op.lifecycle.phase)
        ? 'warning'
        : 'ok';
    for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += op.summary[key];
  }
  const verdict = operations.reduce<Verdict>(
    (worst, op) => (VERDICT_RANK[op.verdict] < VERDICT_RANK[worst] ? op.verdict : worst),
    'ok',
  );
  const report: DriftReport = {
    verdict,
    breaking: verdict === 'breaking',
    now: formatDay(input.now),
    baselines: input.baselines.map((d) => d.source),
    upstreams: input.upstreams.map((d) => d.source),
    operations,
    acknowledgements,
    migrationNotice: pairs.some(
      ({ facts }, i) =>
        facts?.hasNotice === true && operations[i] !== undefined && pastSunset(operations[i].lifecycle.phase),
    ),
    summary: { ...total, operations: operations.length },
  };
  const t2 = performance.now();
  return { report, timings: { resolveMs: t1 - t0, compareMs: t2 - t1 } };
}
