// The part of mvdan-sh 0.10.1 (mvdan.cc/sh/v3/syntax through GopherJS; it ships no types) used here,
// typed, and its loader. A module of its own rather than an ambient declaration, so that the types
// hold wherever this package's sources or built declarations are compiled.
export interface Pos {
  Offset(): number;
  Line(): number;
  Col(): number;
}
export interface ShNode {
  Pos(): Pos;
  End(): Pos;
  [field: string]: any;
}
export interface ShParser {
  Parse(text: string, name: string): ShNode;
}
export interface Syntax {
  NewParser(...options: unknown[]): ShParser;
  KeepComments(keep: boolean): unknown;
  Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
  NodeType(node: ShNode): string;
}

// A name in a variable: TypeScript does not look for the (missing) types of a dynamic import of it.
const moduleName = 'mvdan-sh';
let syntax: Syntax | undefined;

/** mvdan-sh is 1.5 MB of JavaScript: loaded only when a scan meets a shell script. */
export async function loadSyntax(): Promise<Syntax> {
  syntax ??= ((await import(moduleName)) as { default: { syntax: Syntax } }).default.syntax;
  return syntax;
}
