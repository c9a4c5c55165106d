import type { ScanResult } from '../model.ts';
import { escapeMarkdown } from './escape.ts';

/** A Markdown report (for a PR comment or a job summary); every value from a scanned file is escaped. */
export function scanMarkdown(result: ScanResult): string {
  const out: string[] = ['## Callers of the dead Atlas operations', ''];
  if (result.callers.length === 0) out.push('No callers.');
  else {
    out.push('| file | line | column | operation | kind | move to |', '|---|---|---|---|---|---|');
    for (const c of result.callers) {
      out.push(
        `| ${escapeMarkdown(c.file)} | ${c.line} | ${c.column} | ${c.operationId} | ${c.kind} | ${c.replacement} |`,
      );
    }
  }
  if (result.mentions.length > 0) {
    out.push('', '### Mentions (not calls)', '', '| file | line | operation | kind | text |', '|---|---|---|---|---|');
    for (const m of result.mentions) {
      out.push(`| ${escapeMarkdown(m.file)} | ${m.line} | ${m.operationId} | ${m.kind} | ${escapeMarkdown(m.text)} |`);
    }
  }
  if (result.skipped.length > 0) {
    out.push('', '### Not scanned', '');
    for (const s of result.skipped) out.push(`- ${escapeMarkdown(s.file)}: ${escapeMarkdown(s.reason)}`);
  }
  return `${out.join('\n')}\n`;
}
