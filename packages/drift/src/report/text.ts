import type { DriftReport } from '../check.ts';
import type { Change, Severity } from '../compare.ts';

const ESC = '\u001b[';
const paint = (on: boolean, code: string, reset: string) => (s: string) =>
  on ? `${ESC}${code}m${s}${ESC}${reset}m` : s;

export function lifecycleLine(report: DriftReport): string {
  const lc = report.lifecycle;
  const parts: string[] = [];
  if (lc.phase === 'removed') parts.push('removed upstream');
  else parts.push(lc.deprecated ? 'deprecated' : 'not deprecated');
  if (lc.sunset) {
    parts.push(`x-sunset ${lc.sunset}`);
    if (lc.daysRemaining) parts.push(`${lc.daysRemaining} days remaining`);
    else parts.push(lc.daysElapsed ? `sunset ${lc.daysElapsed} days ago` : 'sunset today');
  } else {
    parts.push('no x-sunset');
  }
  return `${parts.join(', ')} (as of ${lc.now})`;
}

export function upstreamLine(report: DriftReport): string {
  const up = report.operation.upstream;
  if (!up.found) return `${up.source} — operation not found (by route or operationId)`;
  const by = up.matchedBy === 'path' ? 'by route' : 'by operationId';
  return `${up.source} — found ${by} as ${up.method} ${up.path}${up.operationId ? ` (${up.operationId})` : ''}`;
}

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
  const op = report.operation;
  const lines: string[] = [];
  lines.push(bold(`atlas-drift: ${op.method} ${op.path}${op.operationId ? ` (${op.operationId})` : ''}`));
  lines.push(`  baseline:  ${op.baseline}`);
  lines.push(`  upstream:  ${upstreamLine(report)}`);
  lines.push(`  lifecycle: ${lifecycleLine(report)}`);
  const active = report.changes.filter((ch) => !ch.acknowledged);
  const acked = report.changes.filter((ch) => ch.acknowledged);
  const item = (ch: Change, mark: string, color: (s: string) => string) => [
    `  ${color(mark)} ${color(ch.kind)}  ${dim(ch.location)}`,
    `      ${ch.message}`,
  ];
  for (const severity of ['breaking', 'warning', 'info'] as Severity[]) {
    const list = active.filter((ch) => ch.severity === severity);
    if (!list.length) continue;
    const s = style[severity];
    lines.push('', s.color(bold(`${s.title} (${list.length})`)));
    for (const ch of list) lines.push(...item(ch, s.mark, s.color));
  }
  if (acked.length) {
    lines.push('', green(bold(`ACKNOWLEDGED (${acked.length})`)));
    for (const ch of acked) {
      lines.push(...item(ch, '✓', green));
      lines.push(
        `      ${dim(`acknowledged: ${ch.acknowledged?.reason}${ch.acknowledged?.expires ? ` (until ${ch.acknowledged.expires})` : ''}`)}`,
      );
    }
  }
  const acks = report.acknowledgements;
  if (acks.expired.length) {
    lines.push('', yellow(bold(`EXPIRED ACKNOWLEDGEMENTS (${acks.expired.length}) — no longer applied`)));
    for (const a of acks.expired)
      lines.push(`  ${yellow('!')} ${a.kind}  ${dim(a.location)}  expired ${a.expires}: ${a.reason}`);
  }
  if (acks.unused.length) {
    lines.push(
      '',
      dim(`Unused acknowledgements (${acks.unused.length}) in ${acks.file ?? 'the acknowledgement file'}:`),
    );
    for (const a of acks.unused) lines.push(dim(`  - ${a.kind} ${a.location}`));
  }
  if (options.notice) lines.push('', options.notice.trimEnd());
  const sum = report.summary;
  const counts = `${sum.breaking} breaking, ${sum.warning} warning, ${sum.info} info${sum.acknowledged ? `, ${sum.acknowledged} acknowledged` : ''}`;
  const hidden = sum.hiddenDocOnly
    ? dim(` (${sum.hiddenDocOnly} description/example notes hidden; --verbose shows them)`)
    : '';
  lines.push(
    '',
    report.breaking
      ? red(bold(`Result: BREAKING — ${counts}`)) + hidden
      : green(bold(`Result: no breaking change — ${counts}`)) + hidden,
  );
  return `${lines.join('\n')}\n`;
}
