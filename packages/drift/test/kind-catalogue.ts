import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { LOWER_BOUNDS, UPPER_BOUNDS } from '../src/model.ts';

/*
 * Every change kind the source can emit, read from the source itself (TypeScript's parser, not a
 * hand-kept list), so that a new rule cannot land without a fixture. Emission sites are
 * `this.add(severity, kind, …)`, `this.doc(kind, …)` (always info) and object literals with both
 * `severity` and `kind` (check.ts's lifecycle changes). A kind is a string literal, a conditional
 * of kinds, a local variable (its initializer and assignments) or a template whose interpolations
 * are listed in PLACEHOLDERS; anything else fails the scan with its position, so the table grows
 * with the code instead of silently missing a kind.
 */

export type Direction = 'request' | 'response';

export interface KindUnit {
  /** human-readable: `request-*-pattern-added`, `response-*-<upper bound>-set` */
  label: string;
  pattern: RegExp;
  /** severity a fixture must show; '*' when the code computes it (the fixtures' expected.json pin it) */
  severity: string;
  /** file:line of the emission site */
  where: string;
}

interface Alt {
  label: string;
  re: string;
  dir?: Direction;
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const oneOfRe = (xs: string[]) => `(?:${xs.map(reEscape).join('|')})`;

function combine(left: Alt[], right: Alt[]): Alt[] {
  const out: Alt[] = [];
  for (const a of left) {
    for (const b of right) {
      if (a.dir && b.dir && a.dir !== b.dir) continue;
      const dir = a.dir ?? b.dir;
      out.push({ label: a.label + b.label, re: a.re + b.re, ...(dir ? { dir } : {}) });
    }
  }
  return out;
}

const DIRECTION: Alt[] = [
  { label: 'request', re: 'request', dir: 'request' },
  { label: 'response', re: 'response', dir: 'response' },
];

/**
 * Interpolations in kind templates: each alternative needs its own fixture; a wildcard (`*`)
 * alternative is covered by any of its values. Subjects are a wildcard because severity never
 * depends on them (only on the direction); bounds split into lower/upper because that decides
 * whether `increased`/`decreased` tighten.
 */
const SUBJECT: Alt[] = [{ label: '*', re: '(?:parameter|body|header|property)' }];
const PLACEHOLDERS: Record<string, Alt[]> = {
  dir: DIRECTION,
  'ctx.dir': DIRECTION,
  'ctx.subject': SUBJECT,
  // `${dir}-${subject}`: a parameter of the schema helpers in compare.ts
  X: combine(combine(DIRECTION, [{ label: '-', re: '-' }]), SUBJECT),
  boundId: [
    { label: '<lower bound>', re: oneOfRe(LOWER_BOUNDS.map(kebab)) },
    { label: '<upper bound>', re: oneOfRe(UPPER_BOUNDS.map(kebab)) },
  ],
  keywordId: ['one-of', 'any-of', 'all-of'].map((k) => ({ label: k, re: k })),
};

class ScanError extends Error {}

function where(node: ts.Node): string {
  const sf = node.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
  return `${sf.fileName}:${line + 1}`;
}

function enclosingFunction(node: ts.Node): ts.Node {
  let n: ts.Node | undefined = node.parent;
  while (n && !ts.isFunctionLike(n) && !ts.isSourceFile(n)) n = n.parent;
  return n ?? node.getSourceFile();
}

/** Initializer and every assignment of a local variable, within the function that uses it. */
function valuesOf(id: ts.Identifier): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === id.text && n.initializer) {
      out.push(n.initializer);
    } else if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(n.left) &&
      n.left.text === id.text
    ) {
      out.push(n.right);
    }
    ts.forEachChild(n, visit);
  };
  visit(enclosingFunction(id));
  return out;
}

function expand(expr: ts.Expression, depth = 0): Alt[] {
  if (depth > 10) throw new ScanError(`${where(expr)}: kind expression nests too deep`);
  if (ts.isParenthesizedExpression(expr)) return expand(expr.expression, depth + 1);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    return [{ label: expr.text, re: reEscape(expr.text) }];
  }
  if (ts.isConditionalExpression(expr)) {
    return [...expand(expr.whenTrue, depth + 1), ...expand(expr.whenFalse, depth + 1)];
  }
  if (ts.isTemplateExpression(expr)) {
    let alts: Alt[] = [{ label: expr.head.text, re: reEscape(expr.head.text) }];
    for (const span of expr.templateSpans) {
      alts = combine(alts, expand(span.expression, depth + 1));
      alts = combine(alts, [{ label: span.literal.text, re: reEscape(span.literal.text) }]);
    }
    return alts;
  }
  const key = expr.getText();
  const known = PLACEHOLDERS[key];
  if (known) return known;
  if (ts.isIdentifier(expr)) {
    const values = valuesOf(expr);
    if (values.length) return values.flatMap((v) => expand(v, depth + 1));
  }
  throw new ScanError(
    `${where(expr)}: cannot tell which kinds \`${key}\` produces — teach test/kind-catalogue.ts (PLACEHOLDERS)`,
  );
}

function severityOf(expr: ts.Expression | undefined, alt: Alt): string {
  if (!expr) return '*';
  if (ts.isStringLiteral(expr)) return expr.text;
  // by(dir, requestSeverity, responseSeverity)
  if (ts.isCallExpression(expr) && expr.expression.getText() === 'by' && alt.dir) {
    const arg = expr.arguments[alt.dir === 'request' ? 1 : 2];
    if (arg && ts.isStringLiteral(arg)) return arg.text;
  }
  return '*';
}

function prop(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
  }
  return undefined;
}

export function scanKinds(srcDir: string): KindUnit[] {
  const units = new Map<string, KindUnit>();
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const path = join(srcDir, file);
    const sf = ts.createSourceFile(
      relative(resolve(srcDir, '..'), path),
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const emit = (kind: ts.Expression, severity: ts.Expression | 'info' | undefined, site: ts.Node) => {
      for (const alt of expand(kind)) {
        const sev = severity === 'info' ? 'info' : severityOf(severity, alt);
        const key = `${alt.label} ${sev}`;
        if (!units.has(key)) {
          units.set(key, { label: alt.label, pattern: new RegExp(`^${alt.re}$`), severity: sev, where: where(site) });
        }
      }
    };
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression.getText();
        const [a0, a1] = n.arguments;
        if (callee === 'this.add' && a0 && a1) emit(a1, a0, n);
        if (callee === 'this.doc' && a0) emit(a0, 'info', n);
      }
      if (ts.isObjectLiteralExpression(n)) {
        const kind = prop(n, 'kind');
        const severity = prop(n, 'severity');
        if (kind && severity) emit(kind, severity, n);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return [...units.values()].sort((a, b) => a.label.localeCompare(b.label) || a.severity.localeCompare(b.severity));
}

export interface FixtureChange {
  fixture: string;
  severity: string;
  kind: string;
}

export function fixtureChanges(fixturesDir: string): FixtureChange[] {
  const out: FixtureChange[] = [];
  for (const d of readdirSync(fixturesDir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const expected = JSON.parse(readFileSync(join(fixturesDir, d.name, 'expected.json'), 'utf8')) as {
      changes: Array<{ severity: string; kind: string }>;
    };
    for (const c of expected.changes) out.push({ fixture: d.name, severity: c.severity, kind: c.kind });
  }
  return out;
}

export const covers = (unit: KindUnit, change: FixtureChange) =>
  unit.pattern.test(change.kind) && (unit.severity === '*' || unit.severity === change.severity);
