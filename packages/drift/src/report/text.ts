import type { DriftReport } from '../check.ts';
import type { Change } from '../compare.ts';
import type { Severity } from '../rules.ts';
import { terminal as t } from './escape.ts';
import {
  counts,
  headline,
  lifecycleLine,
  operationName,
  operationVerdict,
  replacementLine,
  upstreamLine,
} from './words.ts';

const ESC = '\u001b[';
const paint = (on: boolean, code: string, reset: string) => (s: string) =>
  on ? `${ESC}${code}m${s}${ESC}${reset}m` : s;

/** Plain text for a terminal or a log. Upstream strings are escaped (escape.ts) before any colour is added. */
export function renderText(report: DriftReport, options: { color: boolean; notice?: string }): string {
  const c = options.color;
  const bold = paint(c, '1', '22');
  const dim = paint(c, '2', '22');
  const red = paint(c, '31', '39');
  const yellow = paint(c, '33', '39');
  const cyan = paint(c, '36', '39');
  const green = paint(c, '32', '39');
  const style: Record<Severity, { title: string; mark: string; color: (s: string) => string }> = {
    breaking: { title: 'BREAKING', mark: '✗', color: red },
    warning: { title: 'WARNING', mark: '!', color: yellow },
    info: { title: 'INFO', mark: '·', color: cyan },
  };
  const verdictColor = report.verdict === 'breaking' ? red : report.verdict === 'warning' ? yellow : green;
  const lines: string[] = [];
  lines.push(bold(verdictColor(t(headline(report)))));
  lines.push(dim(`  upstream: ${t(report.upstreams.join(', '))}`));
  lines.push(dim(`  baseline: ${t(report.baselines.join(', '))}`));
  const item = (ch: Change, mark: string, color: (s: string) => string) => [
    `    ${color(mark)} ${color(ch.kind)}  ${dim(t(ch.location))}`,
    `        ${t(ch.message)}`,
  ];
  for (const op of report.operations) {
    lines.push('', bold(`${t(operationName(op))} — ${t(operationVerdict(op))}`));
    lines.push(`  ${t(`${op.method} ${op.path}`)}  ${dim(`(baseline ${t(op.baseline)})`)}`);
    lines.push(`  upstream:    ${t(upstreamLine(op))}`);
    lines.push(`  lifecycle:   ${t(lifecycleLine(op.lifecycle))}`);
    const replacement = replacementLine(op.lifecycle);
    if (replacement) lines.push(`  replacement: ${t(replacement)}`);
    for (const severity of ['breaking', 'warning', 'info'] as Severity[]) {
      const list = op.changes.filter((ch) => ch.severity === severity && !ch.acknowledged);
      if (!list.length) continue;
      const s = style[severity];
      lines.push(`  ${s.color(bold(`${s.title} (${list.length})`))}`);
      for (const ch of list) lines.push(...item(ch, s.mark, s.color));
    }
    const acked = op.changes.filter((ch) => ch.acknowledged);
    if (acked.length) {
      lines.push(`  ${green(bold(`ACKNOWLEDGED (${acked.length})`))}`);
      for (const ch of acked) {
        lines.push(...item(ch, '✓', green));
        const until = ch.acknowledged?.expires ? ` (until ${ch.acknowledged.expires})` : '';
        lines.push(`        ${dim(`acknowledged: ${t(ch.acknowledged?.reason ?? '')}${until}`)}`);
      }
    }
  }
  lines.push(...acknowledgementLines(report, { yellow, dim, bold }));
  if (options.notice) lines.push('', options.notice.trimEnd());
  const sum = report.summary;
  const hidden = sum.hiddenDocOnly
    ? dim(` (${sum.hiddenDocOnly} description/example notes hidden; --verbose shows them)`)
    : '';
  const result =
    report.verdict === 'breaking'
      ? red(bold(`Result: BREAKING — ${counts(sum)}`))
      : report.verdict === 'warning'
        ? yellow(bold(`Result: no breaking change, needs attention — ${counts(sum)}`))
        : green(bold(`Result: no breaking change — ${counts(sum)}`));
  lines.push('', result + hidden);
  return `${lines.join('\n')}\n`;
}

function acknowledgementLines(
  report: DriftReport,
  s: { yellow: (x: string) => string; dim: (x: string) => string; bold: (x: string) => string },
): string[] {
  const acks = report.acknowledgements;
  const file = t(acks.file ?? 'the acknowledgement file');
  const lines: string[] = [];
  if (acks.expired.length) {
    lines.push(
      '',
      s.yellow(s.bold(`EXPIRED ACKNOWLEDGEMENTS in ${file} (${acks.expired.length}) — no longer applied`)),
    );
    for (const a of acks.expired) {
      lines.push(
        `  ${s.yellow('!')} ${t(a.kind)}  ${s.dim(t(a.location))}  expired ${t(a.expires ?? '')}: ${t(a.reason)}`,
      );
    }
  }
  if (acks.unused.length) {
    lines.push('', s.dim(`Unused acknowledgements in ${file} (${acks.unused.length}):`));
    for (const a of acks.unused) lines.push(s.dim(`  - ${t(a.kind)} ${t(a.location)}`));
  }
  return lines;
}
