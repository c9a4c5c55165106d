// Every comment of a file, found through the parser's tokens: the trivia before each token holds the
// comments between it and the previous one, so walking all tokens (and the end-of-file token) sees
// each comment; the positions seen already are skipped.
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
        // the trivia before a token: comments on the previous token's line count as that one's
        // trailing comments, the rest as this one's leading comments; together, all of them
        const ranges = [
          ...(ts.getTrailingCommentRanges(file.text, child.pos) ?? []),
          ...(ts.getLeadingCommentRanges(file.text, child.pos) ?? []),
        ];
        for (const range of ranges) {
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
