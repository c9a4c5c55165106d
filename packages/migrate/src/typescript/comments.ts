// The comments of a file that hold a needle (a dead name, the start of a dead path). Each occurrence
// of a needle in the text is located in the syntax tree: inside a token's own text (a literal, an
// identifier, JSX text) it is no comment; in the trivia between tokens, the scanner reads that stretch
// (punctuation and keywords only, so it lexes the same as the parser did) and names the comment.
// Walking every token of every file for its trivia cost as much as parsing: this costs next to nothing.
import ts from 'typescript';

export interface Comment {
  pos: number;
  end: number;
}

function childAt(node: ts.Node, offset: number): { child?: ts.Node; previousEnd: number } {
  let previousEnd = -1;
  let found: ts.Node | undefined;
  ts.forEachChild(node, (child) => {
    if (child.pos <= offset && offset < child.end) {
      found = child;
      return true;
    }
    if (child.end <= offset) previousEnd = child.end;
    return undefined;
  });
  return found ? { child: found, previousEnd } : { previousEnd };
}

function commentAt(file: ts.SourceFile, scanner: ts.Scanner, offset: number): Comment | undefined {
  let node: ts.Node = file;
  let from: number;
  for (;;) {
    const start = node === file ? 0 : node.getStart(file);
    if (offset < start) {
      from = node.pos; // in the node's leading trivia
      break;
    }
    const { child, previousEnd } = childAt(node, offset);
    if (child) {
      node = child;
      continue;
    }
    const hasChildren = ts.forEachChild(node, () => true) === true;
    // inside a token's own text: a literal, an identifier, JSX text, a regular expression
    if (!hasChildren && node !== file) return undefined;
    from = previousEnd >= 0 ? previousEnd : start;
    break;
  }
  scanner.resetTokenState(from);
  for (;;) {
    const kind = scanner.scan();
    const tokenStart = scanner.getTokenStart();
    if (kind === ts.SyntaxKind.EndOfFileToken || tokenStart > offset) return undefined;
    const isComment = kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia;
    if (isComment && offset < scanner.getTokenEnd()) return { pos: tokenStart, end: scanner.getTokenEnd() };
  }
}

// One scanner for the whole scan: making one builds a hundred closures.
const scanner = ts.createScanner(ts.ScriptTarget.Latest, false);

export function commentsMentioning(file: ts.SourceFile, needles: readonly string[]): Comment[] {
  scanner.setText(file.text);
  scanner.setLanguageVariant(file.languageVariant);
  const seen = new Set<number>();
  const comments: Comment[] = [];
  for (const needle of needles) {
    for (let at = file.text.indexOf(needle); at >= 0; at = file.text.indexOf(needle, at + needle.length)) {
      const comment = commentAt(file, scanner, at);
      if (!comment || seen.has(comment.pos)) continue;
      seen.add(comment.pos);
      comments.push(comment);
    }
  }
  return comments.sort((a, b) => a.pos - b.pos);
}
