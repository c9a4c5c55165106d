import type { DriftReport, OperationReport } from '../check.ts';
import type { Change } from '../compare.ts';
import { isUrl } from '../load.ts';
import type { Severity } from '../rules.ts';
import { htmlText, md, mdLink } from './escape.ts';
import {
  counts,
  headline,
  lifecycleLine,
  operationName,
  operationVerdict,
  replacementLine,
  upstreamLine,
  verdictIcon,
} from './words.ts';

/** The hidden marker the workflow finds its own comment by, to update it in place. */
export const COMMENT_MARKER = '<!-- atlas-drift-report -->';

const ICON: Record<Severity, string> = { breaking: '🔴 breaking', warning: '🟡 warning', info: '🔵 info' };

function table(changes: Change[], withReason: boolean): string[] {
  const head = withReason
    ? ['| Severity | Kind | Location | Message | Reason |', '|---|---|---|---|---|']
    : ['| Severity | Kind | Location | Message |', '|---|---|---|---|'];
  const reason = (ch: Change) =>
    ` ${md(`${ch.acknowledged?.reason ?? ''}${ch.acknowledged?.expires ? ` (until ${ch.acknowledged.expires})` : ''}`)} |`;
  return [
    ...head,
    ...changes.map(
      (ch) =>
        `| ${ICON[ch.severity]} | ${md(ch.kind)} | ${md(ch.location)} | ${md(ch.message)} |${withReason ? reason(ch) : ''}`,
    ),
  ];
}

/** A short link text for an upstream source: the file name and the host, never the whole URL. */
function source(s: string): string {
  if (!isUrl(s)) return md(s);
  try {
    const u = new URL(s);
    return mdLink(`${u.pathname.split('/').pop() || u.host} (${u.host})`, s);
  } catch {
    return md(s);
  }
}

function operation(op: OperationReport): string[] {
  const lines = [`### ${verdictIcon(op.verdict)} ${md(operationName(op))}: ${md(operationVerdict(op))}`, ''];
  lines.push(`**Route:** ${md(`${op.method} ${op.path}`)}  `);
  lines.push(`**Upstream:** ${md(upstreamLine(op))}  `);
  lines.push(`**Lifecycle:** ${md(lifecycleLine(op.lifecycle))}  `);
  const r = op.lifecycle.replacement;
  const replacement = replacementLine(op.lifecycle);
  if (r && replacement) lines.push(`**Replacement:** ${mdLink(r.operationId, r.docsUrl)}: ${md(replacement)}  `);
  const callers = op.lifecycle.callers;
  if (callers?.count) {
    const first = callers.first.map((c) => md(`${c.file}:${c.line}:${c.column}`)).join(', ');
    lines.push(`**Callers left:** ${callers.count} (${first}${callers.count > callers.first.length ? ', …' : ''})  `);
  }
  lines.push(`**Changes:** ${counts(op.summary)}`);
  const active = op.changes.filter((ch) => !ch.acknowledged);
  if (active.length) lines.push('', ...table(active, false));
  return lines;
}

/**
 * A pull-request or issue comment a reviewer reads in ten seconds: the verdict first (one `##`
 * heading), one `###` section per operation with its changes ordered by severity, then the
 * acknowledgements (file named) and the migration notice once, collapsed. Every string that comes
 * from a document goes through escape.ts `md`: inert, whatever it contains.
 */
export function renderMarkdown(report: DriftReport, options: { notice?: string; noticeTitle?: string }): string {
  const sum = report.summary;
  const lines: string[] = [COMMENT_MARKER, `## ${verdictIcon(report.verdict)} ${md(headline(report))}`, ''];
  lines.push(
    `**${counts(sum)}** in ${sum.operations} operations, as of ${report.now} · upstream: ${report.upstreams.map(source).join(', ')} · baseline: ${report.baselines.map((b) => md(b)).join(', ')}`,
  );
  const acks = report.acknowledgements;
  if (acks.file) {
    lines.push(
      '',
      `Acknowledgements: ${md(acks.file)} (${acks.applied} applied, ${acks.expired.length} expired, ${acks.unused.length} unused)`,
    );
  }
  for (const op of report.operations) lines.push('', ...operation(op));

  const acked = report.operations.flatMap((op) => op.changes.filter((ch) => ch.acknowledged));
  const file = md(acks.file ?? 'no acknowledgement file');
  if (acked.length) {
    const summary = `Acknowledged in ${htmlText(acks.file ?? 'no acknowledgement file')} (${acked.length})`;
    lines.push('', `<details><summary>${summary}</summary>`, '', ...table(acked, true), '', '</details>');
  }
  if (acks.expired.length) {
    lines.push('', `**Expired acknowledgements in ${file} (${acks.expired.length}), no longer applied:**`, '');
    for (const a of acks.expired) {
      lines.push(`- ${md(a.kind)} at ${md(a.location)}, expired ${md(a.expires ?? '')}: ${md(a.reason)}`);
    }
  }
  if (acks.unused.length) {
    lines.push('', `Unused acknowledgements in ${file} (${acks.unused.length}):`, '');
    for (const a of acks.unused) lines.push(`- ${md(a.kind)} at ${md(a.location)}`);
  }
  if (options.notice) {
    const title = options.noticeTitle ?? 'Migration notice';
    lines.push('', `<details><summary>${htmlText(title)}</summary>`, '', options.notice.trim(), '', '</details>');
  }
  if (report.breaking) {
    lines.push(
      '',
      `<sub>To accept a reviewed change, add it (kind, location, reason, optional operation and expires) to ${file} in a commit.</sub>`,
    );
  }
  return `${lines.join('\n')}\n`;
}
