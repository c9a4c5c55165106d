// scan(dirs): every caller and mention of the dead operations under the given directories.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.ts';
import { listFiles, type ScanFile, scanFileOf } from './files.ts';
import { detectMarkdown } from './markdown.ts';
import type { Caller, FileFindings, Mention, ScanResult, Skipped } from './model.ts';
import { mayMention } from './path-match.ts';
import { positionsOf } from './positions.ts';
import { detectShell, ShellParseError } from './shell/detect.ts';
import { detectTypeScript } from './typescript/detect.ts';

export interface ScanOptions {
  /** File names in the result are relative to this directory (default: process.cwd()). */
  cwd?: string;
  /** Larger files are skipped and listed in `skipped` (default 4 MiB): the scan's work stays bounded. */
  maxFileBytes?: number;
}

/** One scanned file with what was found in it: what apply works from. */
export interface ScannedFile {
  path: string;
  kind: ScanFile['kind'];
  name: string;
  text: string;
  findings: FileFindings;
}

const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
const EXCERPT_LENGTH = 160;

function excerpt(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH - 1)}…` : trimmed;
}

function collect(roots: readonly string[], cwd: string): { files: ScanFile[]; skipped: Skipped[] } {
  if (roots.length === 0) throw new UsageError('no directory to scan');
  const seen = new Set<string>();
  const files: ScanFile[] = [];
  const skipped: Skipped[] = [];
  const name = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  for (const root of roots) {
    const path = resolve(cwd, root);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`no such directory: ${root}`);
    }
    const add = (file: ScanFile) => {
      if (seen.has(file.path)) return;
      seen.add(file.path);
      files.push(file);
    };
    if (stats.isFile()) {
      const file = scanFileOf(path);
      if (file) add(file);
      else skipped.push({ file: name(path), reason: 'not a script, shell script or Markdown file' });
      continue;
    }
    if (!stats.isDirectory()) throw new UsageError(`not a directory: ${root}`);
    const walk = listFiles(path);
    for (const file of walk.files) add(file);
    for (const { path: unreadable, reason } of walk.unreadable)
      skipped.push({ file: name(unreadable), reason: `unreadable (${reason})` });
  }
  return { files, skipped };
}

/** Scans and keeps each file's text and findings (apply needs them). */
export async function scanFiles(
  roots: readonly string[],
  options: ScanOptions = {},
): Promise<{ result: ScanResult; files: ScannedFile[] }> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { files, skipped } = collect(roots, cwd);
  const callers: Caller[] = [];
  const mentions: Mention[] = [];
  const scanned: ScannedFile[] = [];

  for (const file of files) {
    const name = relative(cwd, file.path).split(sep).join('/');
    let text: string;
    try {
      const size = statSync(file.path).size;
      if (size > maxBytes) {
        skipped.push({ file: name, reason: `${size} bytes, over the ${maxBytes}-byte limit` });
        continue;
      }
      text = readFileSync(file.path, 'utf8');
    } catch (error) {
      skipped.push({ file: name, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    if (!mayMention(text)) continue;
    let findings: FileFindings;
    try {
      findings =
        file.kind === 'script'
          ? detectTypeScript(file.path, text, file.extension)
          : file.kind === 'shell'
            ? await detectShell(text, name)
            : detectMarkdown(text);
    } catch (error) {
      if (!(error instanceof ShellParseError)) throw error;
      skipped.push({ file: name, reason: error.message });
      continue;
    }
    if (findings.callers.length === 0 && findings.mentions.length === 0) continue;
    const at = positionsOf(text);
    for (const finding of findings.callers) callers.push({ file: name, ...at(finding.offset), ...finding.caller });
    for (const { offset, text: said, ...mention } of findings.mentions) {
      mentions.push({ file: name, ...at(offset), ...mention, text: excerpt(said) });
    }
    scanned.push({ path: file.path, kind: file.kind, name, text, findings });
  }
  const order = (a: { file: string; line: number; column: number }, b: typeof a) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
  callers.sort(order);
  mentions.sort(order);
  return { result: { callers, mentions, skipped }, files: scanned };
}

/** Every caller and mention of the dead operations under `roots` (directories or files). */
export async function scan(roots: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  return (await scanFiles(roots, options)).result;
}
