// A last check before apply writes a file: the rewritten text must parse with no more syntax errors
// than the original. The edits are meant to keep every file valid; this makes sure a mistake in them
// leaves a file untouched instead of broken.
import ts from 'typescript';
import type { FileKind } from './files.ts';
import { parsesAsShell } from './shell/detect.ts';

function scriptSyntaxErrors(fileName: string, text: string): number {
  const { diagnostics } = ts.transpileModule(text, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { noEmit: true, jsx: ts.JsxEmit.Preserve },
  });
  return diagnostics?.length ?? 0;
}

/** Whether `after` parses at least as well as `before` (same kind of file). */
export async function keepsSyntax(kind: FileKind, fileName: string, before: string, after: string): Promise<boolean> {
  if (kind === 'script') return scriptSyntaxErrors(fileName, after) <= scriptSyntaxErrors(fileName, before);
  if (kind === 'shell') return !(await parsesAsShell(before)) || (await parsesAsShell(after));
  return true;
}
