// Callers and mentions in a shell script, from mvdan/sh's syntax tree (mvdan-sh): each word of each
// command is flattened like a string literal (quotes removed, `$VAR` / `$(…)` as holes) and matched
// against the dead paths; `curl` commands are the usual callers, any other word holding the URL counts
// too (`URL=…` then `curl "$URL"`). A curl command whose whole request is visible is rewritten
// (src/shell/curl.ts); the others get a TODO above them.
import type { Change, FileFindings } from '../model.ts';
import type { MappedValue } from '../path-edits.ts';
import { HOLE, matchPath, mentionedOperation, type PathMatch } from '../path-match.ts';
import { Unsafe, unsafe } from '../unsafe.ts';
import { planCurl } from './curl.ts';
import { loadSyntax, type ShNode, type Syntax } from './mvdan-sh.ts';

export class ShellParseError extends Error {}

/** Whether mvdan/sh parses `text`. */
export async function parsesAsShell(text: string): Promise<boolean> {
  const sh = await loadSyntax();
  try {
    sh.NewParser(sh.KeepComments(true)).Parse(text, 'check.sh');
    return true;
  } catch {
    return false;
  }
}

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

/** A word's value with expansions as holes, mapped to the file's (character) offsets. */
function flattenWord(sh: Syntax, node: ShNode, text: string, toChar: (offset: number) => number): MappedValue {
  const flat: MappedValue = { value: '', offsets: [] };
  const add = (value: string, start: number | undefined) => {
    // mapped only where the value is written as it reads (a Lit's value is its raw text)
    const mapped = start !== undefined && text.slice(start, start + value.length) === value;
    for (let i = 0; i < value.length; i++) flat.offsets.push(mapped ? (start as number) + i : -1);
    flat.value += value;
  };
  const visit = (word: ShNode) => {
    for (const part of word.Parts as ShNode[]) {
      const type = sh.NodeType(part);
      if (type === 'Lit') add(part.Value as string, toChar(part.Pos().Offset()));
      else if (type === 'SglQuoted')
        add(part.Value as string, part.Dollar ? undefined : toChar(part.Pos().Offset()) + 1);
      else if (type === 'DblQuoted') visit(part);
      else add(HOLE, undefined);
    }
  };
  visit(node);
  return flat;
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

  const found: Array<{ offset: number; match: PathMatch; curl: { words: MappedValue[]; url: number } | undefined }> =
    [];
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
      const words = (node.Args as ShNode[]).map((word) => flattenWord(sh, word, text, toChar));
      // `curl …`, and `exec curl …`, `sudo /usr/bin/curl …`: a curl word before the URL
      const curlAt = words.findIndex(({ value }) => value === 'curl' || value.endsWith('/curl'));
      words.forEach((word, index) => {
        const match = matchPath(word.value);
        const offset = toChar((node.Args[index] as ShNode).Pos().Offset());
        if (match)
          found.push({
            offset,
            match,
            curl:
              curlAt >= 0 && curlAt < index ? { words: words.slice(curlAt + 1), url: index - curlAt - 1 } : undefined,
          });
      });
      for (const assign of node.Assigns as ShNode[]) {
        const match = assign.Value && matchPath(flattenWord(sh, assign.Value, text, toChar).value);
        if (match) found.push({ offset: toChar(assign.Value.Pos().Offset()), match, curl: undefined });
      }
    }
    return true;
  });

  for (const { offset, match, curl } of found) {
    const op = match.op;
    let change: Change;
    try {
      if (!curl) unsafe(`the URL is not in a curl command here, so the request cannot be checked`);
      change = { edits: planCurl(curl.words, curl.url, match) };
    } catch (error) {
      if (!(error instanceof Unsafe)) throw error;
      const { method, path, mediaType } = op.replacement;
      change = {
        todo: `${error.message}; send ${method} ${path} with ${mediaType}`,
        anchor: anchorOf(text, offset, statements),
      };
    }
    findings.callers.push({
      caller: { operationId: op.operationId, kind: curl ? 'curl' : 'shell', replacement: op.replacement.operationId },
      offset,
      change,
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
