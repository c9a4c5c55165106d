// Every comment of a file, found through the parser's tokens: each token's leading trivia holds the
// comments before it, so walking all tokens (and the end-of-file token) sees each comment once.
import ts from 'typescript';

export interface Comment {
  pos: number;
  end: number;
}

const isJSDocNode = (node: ts.Node) =>
  node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;

export function commentsOf(file: ts.SourceFile): Comment[] {
  const seen = new Set<number>();
  const comments: Comment[] = [];
  const visit = (node: ts.Node): void => {
    for (const child of node.getChildren(file)) {
      if (isJSDocNode(child)) continue; // its text is a comment, found as trivia of the next token
      if (child.kind >= ts.SyntaxKind.FirstToken && child.kind <= ts.SyntaxKind.LastToken) {
        // JSX text is text, not trivia: `//` in it is not a comment
        if (child.kind === ts.SyntaxKind.JsxText) continue;
        for (const range of ts.getLeadingCommentRanges(file.text, child.pos) ?? []) {
          if (seen.has(range.pos)) continue;
          seen.add(range.pos);
          comments.push({ pos: range.pos, end: range.end });
        }
      } else {
        visit(child);
      }
    }
  };
  visit(file);
  return comments;
}
