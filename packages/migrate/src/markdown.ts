// Mentions in Markdown: documentation, never a caller, even in a code block.
import type { FileFindings } from './model.ts';
import { mentionedOperation } from './path-match.ts';

export const markdownExtensions = ['.md', '.markdown', '.mdx'];

export function detectMarkdown(text: string): FileFindings {
  const findings: FileFindings = { callers: [], mentions: [] };
  let offset = 0;
  for (const line of text.split('\n')) {
    const op = mentionedOperation(line);
    if (op) findings.mentions.push({ operationId: op.operationId, kind: 'markdown', text: line, offset });
    offset += line.length + 1;
  }
  return findings;
}
