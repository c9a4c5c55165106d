// Who a method call is made on: the kit's own client, an object named like an SDK client, or
// something else. Decided from this file's syntax alone (no type checker: a scan of thousands of
// files cannot afford a program), so the kit's client is recognised where this file creates it with
// `createAtlasClient(…)` or declares it with the type `AtlasClient`, both imported from the kit.
import ts from 'typescript';
import { unwrapExpression } from './plans.ts';

const kitClientModule = '@atlas-kit/client';
const factoryExport = 'createAtlasClient';
const typeExport = 'AtlasClient';

/** A receiver as a key: `atlas`, `this.atlas`; undefined for anything else. */
function receiverKey(node: ts.Expression): string | undefined {
  const inner = unwrapExpression(node);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner) && inner.expression.kind === ts.SyntaxKind.ThisKeyword) {
    return `this.${inner.name.text}`;
  }
  return undefined;
}

/** Names (as receiverKey gives them) bound to the kit's client in this file. */
export function kitClientReceivers(file: ts.SourceFile): Set<string> {
  const factories = new Set<string>();
  const types = new Set<string>();
  const namespaces = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== kitClientModule) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (imported === factoryExport) factories.add(element.name.text);
        if (imported === typeExport) types.add(element.name.text);
      }
    }
  }
  const receivers = new Set<string>();
  if (factories.size + types.size + namespaces.size === 0) return receivers;

  const isKit = (name: ts.EntityName | ts.Expression, exported: string, locals: Set<string>) =>
    ts.isIdentifier(name)
      ? locals.has(name.text)
      : ts.isQualifiedName(name)
        ? ts.isIdentifier(name.left) && namespaces.has(name.left.text) && name.right.text === exported
        : ts.isPropertyAccessExpression(name) &&
          ts.isIdentifier(name.expression) &&
          namespaces.has(name.expression.text) &&
          name.name.text === exported;
  const createsClient = (node: ts.Expression | undefined) => {
    let inner = node && unwrapExpression(node);
    if (inner && ts.isAwaitExpression(inner)) inner = unwrapExpression(inner.expression);
    return !!inner && ts.isCallExpression(inner) && isKit(inner.expression, factoryExport, factories);
  };
  const typedClient = (type: ts.TypeNode | undefined) =>
    !!type && ts.isTypeReferenceNode(type) && isKit(type.typeName, typeExport, types);

  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node)) &&
      ts.isIdentifier(node.name) &&
      (typedClient(node.type) || createsClient(node.initializer))
    ) {
      // a class property, and a constructor parameter property, are reached through `this`
      const member = ts.isPropertyDeclaration(node) || (ts.isParameter(node) && !!ts.getModifiers(node)?.length);
      receivers.add(member ? `this.${node.name.text}` : node.name.text);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const key = receiverKey(node.left);
      if (key && createsClient(node.right)) receivers.add(key);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return receivers;
}

export const isKitClient = (receiver: ts.Expression, receivers: Set<string>): boolean => {
  const key = receiverKey(receiver);
  return key !== undefined && receivers.has(key);
};

const sdkClientName = /client|sdk|api|atlas/i;

/** `atlasClient`, `sdk.cloudBackupsApi`, `this.api`, `getClient()`: the last name in the receiver. */
export function looksLikeSdkClient(receiver: ts.Expression): boolean {
  let inner = unwrapExpression(receiver);
  if (ts.isCallExpression(inner)) inner = unwrapExpression(inner.expression);
  const name = ts.isIdentifier(inner)
    ? inner.text
    : ts.isPropertyAccessExpression(inner)
      ? inner.name.text
      : ts.isElementAccessExpression(inner) && ts.isStringLiteral(inner.argumentExpression)
        ? inner.argumentExpression.text
        : undefined;
  return name !== undefined && sdkClientName.test(name);
}
