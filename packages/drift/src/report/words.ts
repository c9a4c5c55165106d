import type { Counts, DriftReport, OperationReport, Verdict } from '../check.ts';
import { type LifecycleReport, pastSunset } from '../lifecycle.ts';

/* The sentences both reports share. They return plain text: each renderer escapes it for its medium. */

export const operationName = (op: OperationReport): string => op.operationId ?? `${op.method} ${op.path}`;

export function counts(c: Counts): string {
  return `${c.breaking} breaking, ${c.warning} warning, ${c.info} info${c.acknowledged ? `, ${c.acknowledged} acknowledged` : ''}`;
}

const PHASE: Record<LifecycleReport['phase'], string> = {
  live: 'live',
  deprecated: 'deprecated',
  'past-sunset': 'past its sunset',
  removed: 'removed upstream',
};

export const phaseWords = (lc: LifecycleReport): string => PHASE[lc.phase];

/** The lifecycle line: phase, the sunset date(s) — labelled when upstream's and the kit's differ — and days. */
export function lifecycleLine(lc: LifecycleReport): string {
  const parts: string[] = [lc.phase === 'live' && lc.deprecated ? 'deprecated' : PHASE[lc.phase]];
  const { upstream, kit } = lc.sunsets;
  if (upstream && kit && upstream !== kit) parts.push(`upstream's x-sunset ${upstream}, the kit's (specs/) ${kit}`);
  else if (lc.sunset) parts.push(`x-sunset ${lc.sunset}`);
  else parts.push('no sunset date');
  if (pastSunset(lc.phase)) {
    if (lc.daysElapsed !== undefined)
      parts.push(lc.daysElapsed ? `${lc.daysElapsed} days past its sunset` : 'sunset today');
  } else if (lc.daysRemaining) {
    parts.push(`${lc.daysRemaining} days until its sunset`);
  }
  return `${parts.join(', ')} (as of ${lc.now})`;
}

export function replacementLine(lc: LifecycleReport): string | undefined {
  const r = lc.replacement;
  if (!r) return undefined;
  return `${r.operationId} (${r.method} ${r.path}), ${r.foundUpstream ? 'present upstream' : 'NOT found upstream'}`;
}

export function upstreamLine(op: OperationReport): string {
  const up = op.upstream;
  if (!up.found) return 'not found upstream (by route or operationId)';
  const by = up.matchedBy === 'path' ? 'by route' : 'by operationId';
  return `found ${by} as ${up.method} ${up.path}${up.operationId ? ` (${up.operationId})` : ''} in ${up.source}`;
}

const VERDICT_ICON: Record<Verdict, string> = { breaking: '❌', warning: '⚠️', ok: '✅' };
export const verdictIcon = (v: Verdict): string => VERDICT_ICON[v];

/** The headline: the verdict first, and what is past its sunset said in words, never a bare ✅. */
export function headline(report: DriftReport): string {
  const dying = report.operations.filter((op) => pastSunset(op.lifecycle.phase));
  const breakingOps = report.operations.filter((op) => op.verdict === 'breaking').length;
  const main =
    report.verdict === 'breaking'
      ? `breaking change in ${breakingOps} of ${report.operations.length} operations`
      : 'no breaking change';
  const tail = dying.length
    ? `; past its sunset: ${dying.map((op) => `${operationName(op)} (${phaseWords(op.lifecycle)})`).join(', ')}`
    : report.verdict === 'warning'
      ? `; ${report.summary.warning} warning${report.summary.warning === 1 ? '' : 's'}`
      : '';
  return `Atlas API drift: ${main}${tail}`;
}

export function operationVerdict(op: OperationReport): string {
  if (op.verdict === 'breaking') return `breaking (${op.summary.breaking})`;
  if (pastSunset(op.lifecycle.phase)) return phaseWords(op.lifecycle);
  if (op.verdict === 'warning') return `${op.summary.warning} warning${op.summary.warning === 1 ? '' : 's'}`;
  return op.changes.length ? 'no breaking change' : 'no change';
}
