// The part of mvdan-sh 0.10.1 (mvdan.cc/sh/v3/syntax through GopherJS; it ships no types) used here.
declare module 'mvdan-sh' {
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
  const sh: {
    syntax: {
      NewParser(...options: unknown[]): ShParser;
      KeepComments(keep: boolean): unknown;
      Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
      NodeType(node: ShNode): string;
    };
  };
  export default sh;
}
