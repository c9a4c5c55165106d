// A string-valued expression (string literal, template literal, `+` concatenation) flattened into one
// value with each interpolated expression as HOLE, and the source offset of every character, so that
// a match in the value maps back to a span of the file's text.
import ts from 'typescript';
import type { MappedValue } from './path-edits.ts';
import { HOLE, matchPath } from './path-match.ts';

export type LiteralKind = 'string' | 'template' | 'concatenation';

export interface FlatLiteral extends MappedValue {
  node: ts.Expression;
  kind: LiteralKind;
  /** The expressions behind the holes, in order. */
  holes: ts.Expression[];
}

export const isStringLiteralLike = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** The operands of a `+` chain, left to right. */
function plusOperands(node: ts.Expression, out: ts.Expression[] = []): ts.Expression[] {
  const inner = unwrap(node);
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    plusOperands(inner.left, out);
    plusOperands(inner.right, out);
  } else out.push(inner);
  return out;
}

/** Whether `node` is a `+` chain with at least one string or template literal operand. */
export function isConcatenation(node: ts.Node): node is ts.BinaryExpression {
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    plusOperands(node).some((operand) => isStringLiteralLike(operand) || ts.isTemplateExpression(operand))
  );
}

class Builder {
  value = '';
  offsets: number[] = [];
  holes: ts.Expression[] = [];

  private readonly sourceText: string;
  private readonly constants: ReadonlyMap<string, string> | undefined;

  constructor(sourceText: string, constants?: ReadonlyMap<string, string>) {
    this.sourceText = sourceText;
    this.constants = constants;
  }

  /** Text of a literal part: `cooked` is its value, [rawStart, rawEnd) where it is written. */
  text(cooked: string, rawStart: number, rawEnd: number): void {
    // Written as it reads (no escape sequences): each character maps to its own offset.
    const mappable = this.sourceText.slice(rawStart, rawEnd) === cooked;
    for (let i = 0; i < cooked.length; i++) this.offsets.push(mappable ? rawStart + i : -1);
    this.value += cooked;
  }

  hole(expression: ts.Expression): void {
    const known = ts.isIdentifier(expression) ? this.constants?.get(expression.text) : undefined;
    if (known !== undefined) {
      // a module constant's text takes part in the match, but is not edited here (it lives elsewhere)
      for (let i = 0; i < known.length; i++) this.offsets.push(-1);
      this.value += known;
      return;
    }
    this.value += HOLE;
    this.offsets.push(-1);
    this.holes.push(expression);
  }

  add(node: ts.Expression, file: ts.SourceFile): void {
    const inner = unwrap(node);
    if (isStringLiteralLike(inner)) {
      this.text(inner.text, inner.getStart(file) + 1, inner.end - 1);
    } else if (ts.isTemplateExpression(inner)) {
      const head = inner.head;
      this.text(head.text, head.getStart(file) + 1, head.end - 2);
      for (const span of inner.templateSpans) {
        this.hole(span.expression);
        const closing = ts.isTemplateTail(span.literal) ? 1 : 2; // '`' or '${'
        this.text(span.literal.text, span.literal.getStart(file) + 1, span.literal.end - closing);
      }
    } else if (isConcatenation(inner)) {
      for (const operand of plusOperands(inner)) this.add(operand, file);
    } else {
      this.hole(inner);
    }
  }
}

/**
 * The module's `const NAME = '…'` strings (top-level, a string or plain template literal): a URL built
 * on one (`${API}/groups/…`) is matched with the constant's text in place of the hole.
 */
export function moduleConstants(file: ts.SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      // a constant that holds a whole dead path is a caller of its own, not a prefix
      if (ts.isIdentifier(declaration.name) && init && isStringLiteralLike(init) && !matchPath(init.text)) {
        constants.set(declaration.name.text, init.text);
      }
    }
  }
  return constants;
}

/** The flattened value of a string literal, template literal or concatenation; undefined for anything else. */
export function flatten(
  node: ts.Expression,
  file: ts.SourceFile,
  constants?: ReadonlyMap<string, string>,
): FlatLiteral | undefined {
  const kind: LiteralKind | undefined = isStringLiteralLike(node)
    ? 'string'
    : ts.isTemplateExpression(node)
      ? 'template'
      : isConcatenation(node)
        ? 'concatenation'
        : undefined;
  if (!kind) return undefined;
  const builder = new Builder(file.text, constants);
  builder.add(node, file);
  return { node, kind, value: builder.value, offsets: builder.offsets, holes: builder.holes };
}
