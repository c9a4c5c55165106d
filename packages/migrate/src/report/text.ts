import type { ApplyResult } from '../apply.ts';
import type { ScanResult } from '../model.ts';
import { escapeLine } from './escape.ts';

const where = (item: { file: string; line: number; column: number }) =>
  `${escapeLine(item.file)}:${item.line}:${item.column}`;

export function scanText(result: ScanResult): string {
  const lines: string[] = [];
  const { callers, mentions, skipped } = result;
  lines.push(
    callers.length === 0 ? 'No callers of the dead operations.' : `${callers.length} caller(s) of the dead operations:`,
  );
  for (const c of callers) lines.push(`  ${where(c)}  ${c.operationId} (${c.kind}) → ${c.replacement}`);
  if (mentions.length > 0) {
    lines.push(`${mentions.length} mention(s), not calls:`);
    for (const m of mentions) lines.push(`  ${where(m)}  ${m.operationId} (${m.kind}): ${escapeLine(m.text)}`);
  }
  if (skipped.length > 0) {
    lines.push(`${skipped.length} file(s) not scanned:`);
    for (const s of skipped) lines.push(`  ${escapeLine(s.file)}: ${escapeLine(s.reason)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function applySummary(result: ApplyResult): string {
  const lines: string[] = [];
  lines.push(
    `${result.rewritten.length} caller(s) moved, ${result.left.length} left with a TODO(atlas-migrate), ` +
      `${result.changedFiles.length} file(s) ${result.written ? 'written' : 'would change (dry run: pass --write)'}.`,
  );
  for (const c of result.left) {
    const mark = c.marked ? '' : ' [no safe place for a TODO comment]';
    lines.push(`  ${where(c)}  ${c.operationId} (${c.kind}): ${escapeLine(c.reason)}${mark}`);
  }
  return `${lines.join('\n')}\n`;
}
