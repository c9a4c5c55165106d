// Callers and mentions of the dead operations in one TypeScript/JavaScript file, from its syntax tree.
import ts from 'typescript';
import { type DeadOperation, deadNames } from '../facts.ts';
import { type FlatLiteral, flatten, isConcatenation, isStringLiteralLike, moduleConstants } from '../literal.ts';
import type { CallerKind, Change, FileFindings } from '../model.ts';
import { commentNeedles, matchPath, mentionedOperation, type PathMatch } from '../path-match.ts';
import { Unsafe, unsafe } from '../unsafe.ts';
import { commentsMentioning } from './comments.ts';
import {
  findProperty,
  initializerOf,
  objectLiteral,
  type Plan,
  planBody,
  planHeaders,
  planMethod,
  planUrl,
  renamePathParameters,
  unwrapExpression,
  type Value,
} from './plans.ts';
import { isKitClient, kitClientReceivers, looksLikeSdkClient } from './receivers.ts';

const scriptKinds: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};
export const scriptExtensions = Object.keys(scriptKinds);

const openapiFetchMethods = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);

/** The statement (or class member) that holds `node`: where a TODO comment goes. */
function statementOf(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent) {
    const parent = current.parent;
    if (
      ts.isSourceFile(parent) ||
      ts.isBlock(parent) ||
      ts.isModuleBlock(parent) ||
      ts.isCaseClause(parent) ||
      ts.isDefaultClause(parent) ||
      ts.isClassLike(parent)
    ) {
      return current;
    }
    current = parent;
  }
  return current;
}

/** `node` without the parentheses around it, seen from its parent. */
function outerOf(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && ts.isParenthesizedExpression(current.parent)) current = current.parent;
  return current;
}

const isFetch = (callee: ts.Expression) =>
  (ts.isIdentifier(callee) && callee.text === 'fetch') ||
  (ts.isPropertyAccessExpression(callee) && callee.name.text === 'fetch');

function planChange(anchor: ts.Node, file: ts.SourceFile, op: DeadOperation, build: (plan: Plan) => void): Change {
  const plan: Plan = { file, op, edits: [] };
  try {
    build(plan);
    return { edits: plan.edits };
  } catch (error) {
    if (!(error instanceof Unsafe)) throw error;
    return { todo: error.message, anchor: statementOf(anchor).getStart(file) };
  }
}

/** fetch(url, { method, headers, body: JSON.stringify({…}) }) */
function planFetch(call: ts.CallExpression, flat: FlatLiteral, match: PathMatch, plan: Plan): void {
  const pathValue = planUrl(flat, match, plan);
  const initNode = call.arguments[1];
  if (!initNode) {
    planMethod(undefined, plan);
    if (plan.op.requestBody) unsafe('the call sends no request body');
    return;
  }
  const init = objectLiteral(initNode, 'the request options');
  if (init.properties.some(ts.isSpreadAssignment)) unsafe('the request options are spread from another object');
  planMethod(initializerOf(findProperty(init, 'method', 'the request options'), 'method'), plan);
  planHeaders(initializerOf(findProperty(init, 'headers', 'the request options'), 'headers'), plan);
  if (!plan.op.requestBody) return;
  const body = initializerOf(findProperty(init, 'body', 'the request options'), 'body');
  const inner = body && unwrapExpression(body);
  const stringified =
    inner &&
    ts.isCallExpression(inner) &&
    ts.isPropertyAccessExpression(inner.expression) &&
    ts.isIdentifier(inner.expression.expression) &&
    inner.expression.expression.text === 'JSON' &&
    inner.expression.name.text === 'stringify'
      ? inner.arguments[0]
      : unsafe('the request body is not JSON.stringify of an object literal');
  planBody(stringified, plan, pathValue);
}

/** client.POST('/api/…', { params: { path: {…} }, body: {…}, headers }) */
function planOpenapiFetch(call: ts.CallExpression, flat: FlatLiteral, match: PathMatch, plan: Plan): void {
  const method = (call.expression as ts.PropertyAccessExpression).name;
  if (method.text !== plan.op.method) unsafe(`the call uses ${method.text}, not ${plan.op.method}`);
  if (plan.op.replacement.method !== plan.op.method) {
    plan.edits.push({ start: method.getStart(plan.file), end: method.end, text: plan.op.replacement.method });
  }
  planUrl(flat, match, plan);
  const init = objectLiteral(call.arguments[1], 'the request options');
  if (init.properties.some(ts.isSpreadAssignment)) unsafe('the request options are spread from another object');
  const params = objectLiteral(
    initializerOf(findProperty(init, 'params', 'the request options'), 'params'),
    'the params object',
  );
  const path = initializerOf(findProperty(params, 'path', 'the params object'), 'params.path');
  const values = renamePathParameters(path, plan);
  planHeaders(initializerOf(findProperty(init, 'headers', 'the request options'), 'headers'), plan);
  if (!plan.op.requestBody) return;
  const body = initializerOf(findProperty(init, 'body', 'the request options'), 'body');
  if (!body) unsafe('the call sends no request body');
  planBody(body, plan, (name) => values.get(name));
}

/** atlas.downloadClusterBackupTenant({ groupId, clusterName }, body, options) */
function planKitClient(call: ts.CallExpression, plan: Plan): void {
  const method = (call.expression as ts.PropertyAccessExpression).name;
  plan.edits.push({ start: method.getStart(plan.file), end: method.end, text: plan.op.replacement.operationId });
  const values = renamePathParameters(call.arguments[0], plan);
  if (plan.op.requestBody) planBody(call.arguments[1], plan, (name): Value => values.get(name));
}

/**
 * Visits `node` and everything below it, parents first, setting each child's `parent` on the way:
 * files are parsed without parent pointers (that pass costs as much as a third of the parse), and
 * this walk, which the scan makes anyway, sets them just before any code looks at them.
 */
function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => {
    (child as { parent: ts.Node }).parent = node;
    walk(child, visit);
  });
}

/** The one other use of a `const` (besides its declaration), if the file has exactly one. */
function soleUse(declaration: ts.VariableDeclaration, file: ts.SourceFile): ts.Identifier | undefined {
  const name = (declaration.name as ts.Identifier).text;
  const uses: ts.Identifier[] = [];
  walk(file, (node) => {
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) uses.push(node);
  });
  return uses.length === 1 ? uses[0] : undefined;
}

function isImportedFromPackage(name: string, file: ts.SourceFile): boolean {
  return file.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      !statement.moduleSpecifier.text.startsWith('.') &&
      statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === name),
  );
}

export function detectTypeScript(fileName: string, text: string, extension: string): FileFindings {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKinds[extension]);
  const findings: FileFindings = { callers: [], mentions: [] };
  let receivers: Set<string> | undefined;

  const caller = (node: ts.Node, op: DeadOperation, kind: CallerKind, change: Change) => {
    findings.callers.push({
      caller: { operationId: op.operationId, kind, replacement: op.replacement.operationId },
      offset: node.getStart(file),
      change,
    });
  };
  const mention = (node: ts.Node, op: DeadOperation, kind: 'string' | 'call', excerpt: string) => {
    findings.mentions.push({ operationId: op.operationId, kind, text: excerpt, offset: node.getStart(file) });
  };

  const onCall = (call: ts.CallExpression) => {
    const callee = call.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
    const op = name && deadNames.get(name.text);
    if (!name || !op) return;
    const sdkTodo = (): Change => ({
      todo: `a call through an SDK or a client this file does not create: move it to that SDK's ${op.replacement.operationId}`,
      anchor: statementOf(call).getStart(file),
    });
    if (ts.isPropertyAccessExpression(callee)) {
      receivers ??= kitClientReceivers(file);
      if (name.text === op.operationId && isKitClient(callee.expression, receivers)) {
        caller(
          name,
          op,
          'kit-client',
          planChange(call, file, op, (plan) => planKitClient(call, plan)),
        );
      } else if (looksLikeSdkClient(callee.expression)) {
        caller(name, op, 'sdk-client', sdkTodo());
      } else {
        mention(name, op, 'call', call.getText(file));
      }
    } else if (isImportedFromPackage(name.text, file)) {
      caller(name, op, 'sdk-client', sdkTodo());
    } else {
      mention(name, op, 'call', call.getText(file));
    }
  };

  let constants: Map<string, string> | undefined;
  const onLiteral = (node: ts.Expression) => {
    constants ??= moduleConstants(file);
    const flat = flatten(node, file, constants);
    if (!flat) return;
    const outer = outerOf(node);
    const parent = outer.parent;
    // a path in a type (a literal type, a property name of an interface or type literal) calls nothing
    const inType =
      !!parent &&
      (ts.isLiteralTypeNode(parent) ||
        ((ts.isPropertySignature(parent) || ts.isMethodSignature(parent)) && parent.name === node));
    const match = inType ? undefined : matchPath(flat.value);
    if (!match) {
      const op = mentionedOperation(flat.value);
      if (op) mention(node, op, 'string', node.getText(file));
      return;
    }
    const op = match.op;
    if (parent && ts.isCallExpression(parent) && parent.arguments[0] === outer) {
      const callee = parent.expression;
      if (ts.isPropertyAccessExpression(callee) && openapiFetchMethods.has(callee.name.text)) {
        caller(
          node,
          op,
          'openapi-fetch',
          planChange(node, file, op, (plan) => planOpenapiFetch(parent, flat, match, plan)),
        );
        return;
      }
      if (isFetch(callee)) {
        caller(
          node,
          op,
          flat.kind,
          planChange(node, file, op, (plan) => planFetch(parent, flat, match, plan)),
        );
        return;
      }
    }
    caller(
      node,
      op,
      flat.kind,
      planChange(node, file, op, (plan) => {
        // const url = `…`; … fetch(url, init): the URL's only use is one fetch call
        const declaration =
          parent && ts.isVariableDeclaration(parent) && parent.initializer === outer ? parent : undefined;
        const constant =
          declaration && ts.isIdentifier(declaration.name) && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const;
        const use = constant ? soleUse(declaration, file) : undefined;
        const call = use && outerOf(use).parent;
        if (
          !use ||
          !call ||
          !ts.isCallExpression(call) ||
          call.arguments[0] !== outerOf(use) ||
          !isFetch(call.expression)
        ) {
          unsafe('the URL is not passed straight to fetch or openapi-fetch, so the request cannot be checked');
        }
        planFetch(call, flat, match, plan);
      }),
    );
  };

  walk(file, (node) => {
    if (ts.isCallExpression(node)) onCall(node);
    if (isStringLiteralLike(node) || ts.isTemplateExpression(node) || isConcatenation(node)) {
      // the operand of a longer concatenation is part of that one's value
      const parent = outerOf(node).parent;
      const partOfConcatenation =
        parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken;
      if (!partOfConcatenation) onLiteral(node as ts.Expression);
    }
  });

  for (const comment of commentsMentioning(file, commentNeedles)) {
    const body = text.slice(comment.pos, comment.end);
    const op = mentionedOperation(body);
    if (op) findings.mentions.push({ operationId: op.operationId, kind: 'comment', text: body, offset: comment.pos });
  }
  return findings;
}
