// apply(dirs): moves each caller that can be moved safely to its Flex replacement by editing only the
// spans the syntax tree points at, puts a TODO(atlas-migrate) comment above the others, and returns a
// unified diff of it all; with `write`, writes the files. A second run finds nothing more to do: moved
// calls no longer match, and a caller already marked keeps its one TODO.
import { writeFileSync } from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Caller, Edit, Finding, ScanResult } from './model.ts';
import { positionsOf } from './positions.ts';
import { type ScanOptions, scanFiles } from './scan.ts';
import { keepsSyntax } from './syntax-check.ts';

export const TODO_MARK = 'TODO(atlas-migrate)';

export interface ApplyOptions extends ScanOptions {
  /** Write the changed files (default: a dry run that only returns the diff). */
  write?: boolean;
}

export interface LeftCaller extends Caller {
  /** Why it was not rewritten (the text of its TODO). */
  reason: string;
  /** Whether a TODO comment is (or, in a dry run, would be) above it; false when no place was safe. */
  marked: boolean;
}

export interface ApplyResult {
  /** The scan before any change. */
  scan: ScanResult;
  /** Unified diff of every change (empty when there is none). */
  diff: string;
  /** Files changed (or, in a dry run, that would change). */
  changedFiles: string[];
  /** Callers moved to the replacement. */
  rewritten: Caller[];
  /** Callers left for a person, with the reason. */
  left: LeftCaller[];
  written: boolean;
}

interface Insertion extends Edit {
  reasons: string[];
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether the line above `anchor` (or the text before it on its line) already has a TODO. */
function alreadyMarked(text: string, anchor: number): boolean {
  const lineStart = lineStartOf(text, anchor);
  const previousLineStart = lineStart > 0 ? lineStartOf(text, lineStart - 1) : 0;
  return text.slice(previousLineStart, anchor).includes(TODO_MARK);
}

function todoInsertion(text: string, anchor: number, shell: boolean, reasons: string[], finding: Finding): Insertion {
  const note = `${TODO_MARK}: ${finding.caller.operationId} → ${finding.caller.replacement}: ${reasons.join('; ')}`;
  const lineStart = lineStartOf(text, anchor);
  const indent = text.slice(lineStart, anchor);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent.trim() === '') {
    return { start: lineStart, end: lineStart, text: `${indent}${shell ? '#' : '//'} ${note}${newline}`, reasons };
  }
  // code before the statement on its line: a block comment right before it (scripts only; the shell
  // anchor is always at the start of its line)
  return { start: anchor, end: anchor, text: `/* ${note} */ `, reasons };
}

export async function apply(roots: readonly string[], options: ApplyOptions = {}): Promise<ApplyResult> {
  const { result, files } = await scanFiles(roots, options);
  const rewritten: Caller[] = [];
  const left: LeftCaller[] = [];
  const changedFiles: string[] = [];
  let diff = '';

  for (const file of files) {
    if (file.findings.callers.length === 0) continue;
    const at = positionsOf(file.text);
    const rewrittenBefore = rewritten.length;
    const shell = file.kind === 'shell';
    const edits: Edit[] = [];
    const insertions = new Map<number, Insertion>();
    for (const finding of file.findings.callers) {
      const caller: Caller = { file: file.name, ...at(finding.offset), ...finding.caller };
      const { change } = finding;
      const overlaps =
        'edits' in change &&
        change.edits.some((edit) => edits.some((other) => edit.start < other.end && other.start < edit.end));
      if ('edits' in change && !overlaps) {
        edits.push(...change.edits);
        rewritten.push(caller);
        continue;
      }
      const reason = 'todo' in change ? change.todo : 'two rewrites would overlap here';
      const anchor = 'todo' in change ? change.anchor : undefined;
      const marked = anchor !== undefined;
      left.push({ ...caller, reason, marked });
      if (anchor === undefined || alreadyMarked(file.text, anchor)) continue;
      const existing = insertions.get(anchor);
      if (existing) {
        if (!existing.reasons.includes(reason)) {
          insertions.set(anchor, todoInsertion(file.text, anchor, shell, [...existing.reasons, reason], finding));
        }
      } else {
        insertions.set(anchor, todoInsertion(file.text, anchor, shell, [reason], finding));
      }
    }
    // Insertions go before edits at the same offset; then apply from the end so offsets stay valid.
    const all = [...insertions.values(), ...edits].sort((a, b) => b.start - a.start || b.end - a.end);
    let text = file.text;
    for (const edit of all) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    if (text === file.text) continue;
    if (!(await keepsSyntax(file.kind, file.path, file.text, text))) {
      const moved = rewritten.splice(rewrittenBefore);
      for (const caller of moved)
        left.push({ ...caller, reason: 'the rewrite would not parse, so the file is left as it was', marked: false });
      continue;
    }
    changedFiles.push(file.name);
    diff += createTwoFilesPatch(`a/${file.name}`, `b/${file.name}`, file.text, text, undefined, undefined, {
      headerOptions: FILE_HEADERS_ONLY,
    });
    if (options.write) writeFileSync(file.path, text);
  }
  return { scan: result, diff, changedFiles, rewritten, left, written: options.write === true };
}
