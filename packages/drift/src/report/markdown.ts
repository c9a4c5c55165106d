import type { DriftReport } from '../check.ts';
import type { Change, Severity } from '../compare.ts';
import { lifecycleLine, upstreamLine } from './text.ts';

const ICON: Record<Severity, string> = { breaking: '🔴 breaking', warning: '🟡 warning', info: '🔵 info' };

/** Table cells: pipes and newlines would break the row. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const code = (s: string) => (s.includes('`') ? `\`\` ${cell(s)} \`\`` : `\`${cell(s)}\``);

function table(changes: Change[], withReason = false): string[] {
  const head = withReason
    ? ['| Severity | Kind | Location | Message | Reason |', '|---|---|---|---|---|']
    : ['| Severity | Kind | Location | Message |', '|---|---|---|---|'];
  return [
    ...head,
    ...changes.map(
      (ch) =>
        `| ${ICON[ch.severity]} | ${code(ch.kind)} | ${code(ch.location)} | ${cell(ch.message)} |${
          withReason
            ? ` ${cell(`${ch.acknowledged?.reason ?? ''}${ch.acknowledged?.expires ? ` (until ${ch.acknowledged.expires})` : ''}`)} |`
            : ''
        }`,
    ),
  ];
}

/** A pull-request / issue comment. */
export function renderMarkdown(report: DriftReport, options: { notice?: string }): string {
  const op = report.operation;
  const sum = report.summary;
  const lines: string[] = [];
  lines.push(report.breaking ? '## ❌ Atlas API drift: breaking change' : '## ✅ Atlas API drift: no breaking change');
  lines.push('');
  lines.push(
    `**Operation:** ${code(`${op.method} ${op.path}`)}${op.operationId ? ` (${code(op.operationId)})` : ''}  `,
  );
  lines.push(`**Baseline:** ${code(op.baseline)}  `);
  lines.push(`**Upstream:** ${cell(upstreamLine(report))}  `);
  lines.push(`**Lifecycle:** ${cell(lifecycleLine(report))}`);
  lines.push('');
  lines.push(
    `**${sum.breaking} breaking**, ${sum.warning} warning, ${sum.info} info${sum.acknowledged ? `, ${sum.acknowledged} acknowledged` : ''}`,
  );
  const active = report.changes.filter((ch) => !ch.acknowledged);
  if (active.length) lines.push('', ...table(active));
  const acked = report.changes.filter((ch) => ch.acknowledged);
  if (acked.length) {
    lines.push(
      '',
      `<details><summary>Acknowledged (${acked.length})</summary>`,
      '',
      ...table(acked, true),
      '',
      '</details>',
    );
  }
  const acks = report.acknowledgements;
  if (acks.expired.length) {
    lines.push('', `**Expired acknowledgements (${acks.expired.length}) — no longer applied:**`, '');
    for (const a of acks.expired)
      lines.push(`- ${code(a.kind)} at ${code(a.location)}, expired ${a.expires}: ${cell(a.reason)}`);
  }
  if (acks.unused.length) {
    lines.push('', `Unused acknowledgements in ${code(acks.file ?? 'the acknowledgement file')}:`, '');
    for (const a of acks.unused) lines.push(`- ${code(a.kind)} at ${code(a.location)}`);
  }
  if (options.notice) lines.push('', '### Migration notice', '', options.notice.trim());
  if (report.breaking) {
    lines.push(
      '',
      '<sub>To accept a reviewed change, add it (kind, location, reason, optional expires) to the acknowledgement file in a commit.</sub>',
    );
  }
  return `${lines.join('\n')}\n`;
}
