// Callers and mentions in a shell script, from mvdan/sh's syntax tree (mvdan-sh): each word of each
// command is flattened like a string literal (quotes removed, `$VAR` / `$(…)` as holes) and matched
// against the dead paths; `curl` commands are the usual callers, any other word holding the URL counts
// too (`URL=…` then `curl "$URL"`). Shell commands are not rewritten: apply puts a TODO above them.
import type { ShNode } from 'mvdan-sh';
import type { DeadOperation } from '../facts.ts';
import type { FileFindings } from '../model.ts';
import { HOLE, matchPath, mentionedOperation } from '../path-match.ts';

type Syntax = typeof import('mvdan-sh')['default']['syntax'];

let syntax: Syntax | undefined;
/** mvdan-sh is 1.5 MB of JavaScript: loaded only when a scan meets a shell script. */
async function loadSyntax(): Promise<Syntax> {
  syntax ??= (await import('mvdan-sh')).default.syntax;
  return syntax;
}

export class ShellParseError extends Error {}

/** Go reports byte offsets; the rest of the package counts UTF-16 code units. */
function byteToChar(text: string): (offset: number) => number {
  if (Buffer.byteLength(text) === text.length) return (offset) => offset;
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) map.push(i);
    if (code >= 0x10000) i++;
  }
  return (offset) => map[offset] ?? text.length;
}

/** A word's value with expansions as holes. */
function wordValue(sh: Syntax, node: ShNode): string {
  let value = '';
  for (const part of node.Parts as ShNode[]) {
    const type = sh.NodeType(part);
    if (type === 'Lit' || type === 'SglQuoted') value += part.Value as string;
    else if (type === 'DblQuoted') value += wordValue(sh, part);
    else value += HOLE;
  }
  return value;
}

export async function detectShell(text: string, name: string): Promise<FileFindings> {
  const sh = await loadSyntax();
  let file: ShNode;
  try {
    file = sh.NewParser(sh.KeepComments(true)).Parse(text, name);
  } catch (error) {
    const message = (error as { Error?: () => string })?.Error?.() ?? 'not a shell script';
    const position = message.startsWith(`${name}:`) ? message.slice(name.length + 1) : message;
    throw new ShellParseError(`not parsable as a shell script at ${position.split('\n')[0]}`);
  }
  const toChar = byteToChar(text);
  const findings: FileFindings = { callers: [], mentions: [] };
  const statements: Array<[number, number]> = [];

  const found: Array<{ word: ShNode; op: DeadOperation; curl: boolean }> = [];
  sh.Walk(file, (node) => {
    if (!node) return true;
    const type = sh.NodeType(node);
    if (type === 'Stmt') statements.push([toChar(node.Pos().Offset()), toChar(node.End().Offset())]);
    if (type === 'Comment') {
      const op = mentionedOperation(node.Text as string);
      if (op) {
        const offset = toChar(node.Pos().Offset());
        findings.mentions.push({ operationId: op.operationId, kind: 'comment', text: `#${node.Text}`, offset });
      }
    }
    if (type === 'CallExpr') {
      const args = node.Args as ShNode[];
      const values = args.map((word) => wordValue(sh, word));
      // `curl …`, and `exec curl …`, `sudo /usr/bin/curl …`: a curl word before the URL
      const isCurl = (value: string) => value === 'curl' || value.endsWith('/curl');
      args.forEach((word, index) => {
        const op = matchPath(values[index] as string)?.op;
        if (op) found.push({ word, op, curl: values.slice(0, index).some(isCurl) });
      });
      for (const assign of node.Assigns as ShNode[]) {
        const op = assign.Value && matchPath(wordValue(sh, assign.Value))?.op;
        if (op) found.push({ word: assign.Value, op, curl: false });
      }
    }
    return true;
  });

  for (const { word, op, curl } of found) {
    const offset = toChar(word.Pos().Offset());
    findings.callers.push({
      caller: { operationId: op.operationId, kind: curl ? 'curl' : 'shell', replacement: op.replacement.operationId },
      offset,
      change: {
        todo: `a shell command is not rewritten: send it to ${op.replacement.operationId} (${op.replacement.method} ${op.replacement.path}, ${op.replacement.mediaType})`,
        anchor: anchorOf(text, offset, statements),
      },
    });
  }
  return findings;
}

/**
 * Where a `# TODO` line can go above the command at `offset`: the start of the innermost statement
 * that holds it and begins its line (after indentation) with no continuation from the line before.
 */
function anchorOf(text: string, offset: number, statements: Array<[number, number]>): number | undefined {
  const holding = statements.filter(([start, end]) => start <= offset && offset < end).sort((a, b) => b[0] - a[0]);
  for (const [start] of holding) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (text.slice(lineStart, start).trim() !== '') continue;
    const previous = text.slice(0, Math.max(0, lineStart - 1)).trimEnd();
    if (previous.endsWith('\\')) continue;
    return start;
  }
  return undefined;
}
