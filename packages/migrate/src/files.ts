// The files a scan reads: under each directory given, minus node_modules, .git and what the
// .gitignore files met on the way exclude (each applies to its own directory and below, as git does;
// rules are the `ignore` package's, the one eslint uses). Symbolic links are not followed.
import { closeSync, type Dirent, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { markdownExtensions } from './markdown.ts';
import { scriptExtensions } from './typescript/detect.ts';

export type FileKind = 'script' | 'shell' | 'markdown';

export interface ScanFile {
  path: string;
  kind: FileKind;
  extension: string;
}

const shellExtensions = ['.sh', '.bash', '.zsh', '.ksh'];
const skippedDirectories = new Set(['node_modules', '.git']);

/** A file without extension is a shell script when its first line names a shell. */
const shebang = /^#!\s*\S*\/(?:env\s+)?(?:ba|z|k|da)?sh\b/;

function kindOf(path: string, extension: string): FileKind | undefined {
  if (scriptExtensions.includes(extension)) return 'script';
  if (markdownExtensions.includes(extension)) return 'markdown';
  if (shellExtensions.includes(extension)) return 'shell';
  if (extension === '') {
    let fd: number | undefined;
    try {
      // the first line only: an extensionless file may be anything, of any size
      fd = openSync(path, 'r');
      const head = Buffer.alloc(128);
      const read = readSync(fd, head, 0, head.length, 0);
      if (shebang.test(head.toString('latin1', 0, read))) return 'shell';
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return undefined;
}

/** The file as the scan reads it, or undefined when it is none of the kinds scanned. */
export function scanFileOf(path: string): ScanFile | undefined {
  const extension = extname(path).toLowerCase();
  const kind = kindOf(path, extension);
  return kind ? { path, kind, extension } : undefined;
}

interface Rules {
  base: string;
  ignore: Ignore;
}

function rulesOf(directory: string): Rules | undefined {
  let text: string;
  try {
    text = readFileSync(join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: directory, ignore: ignore().add(text) };
}

const ignored = (path: string, directory: boolean, rules: Rules[]) =>
  rules.some(({ base, ignore }) => {
    const rel = relative(base, path).split(sep).join('/');
    return rel !== '' && ignore.ignores(directory ? `${rel}/` : rel);
  });

export interface Walk {
  files: ScanFile[];
  unreadable: Array<{ path: string; reason: string }>;
}

export function listFiles(root: string): Walk {
  const walk: Walk = { files: [], unreadable: [] };
  const visit = (directory: string, inherited: Rules[]) => {
    const own = rulesOf(directory);
    const rules = own ? [...inherited, own] : inherited;
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      walk.unreadable.push({ path: directory, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectories.has(entry.name) && !ignored(path, true, rules)) visit(path, rules);
      } else if (entry.isFile() && !ignored(path, false, rules)) {
        const file = scanFileOf(path);
        if (file) walk.files.push(file);
      }
    }
  };
  visit(root, []);
  return walk;
}
