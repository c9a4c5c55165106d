// Rewrite plans for the parts of a call: path parameters, URL, method, headers and body. Each plan adds
// text edits to the call's list, or throws Unsafe with the reason a person has to look (then the call
// gets a TODO and no edit at all).
import ts from 'typescript';
import { type DeadOperation, droppableWhenSameAsPathParameter } from '../facts.ts';
import { type FlatLiteral, flatten, isStringLiteralLike } from '../literal.ts';
import type { Edit } from '../model.ts';
import { mediaTypeEdits, mediaTypeHeaders, pathEdits } from '../path-edits.ts';
import { HOLE, type PathMatch } from '../path-match.ts';
import { unsafe } from '../unsafe.ts';

export interface Plan {
  file: ts.SourceFile;
  op: DeadOperation;
  edits: Edit[];
}

/** What a path parameter or a body field holds, as far as the text shows it. */
export type Value = { text: string } | { expression: string } | undefined;

export const sameValue = (a: Value, b: Value): boolean =>
  a !== undefined &&
  b !== undefined &&
  (('text' in a && 'text' in b && a.text === b.text) ||
    ('expression' in a && 'expression' in b && a.expression === b.expression));

export function unwrapExpression(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function valueIn(node: ts.Expression, file: ts.SourceFile): Value {
  const inner = unwrapExpression(node);
  if (isStringLiteralLike(inner)) return { text: inner.text };
  return { expression: inner.getText(file) };
}

export function objectLiteral(node: ts.Expression | undefined, what: string): ts.ObjectLiteralExpression {
  const inner = node && unwrapExpression(node);
  if (!inner || !ts.isObjectLiteralExpression(inner)) {
    unsafe(`${what} is not an object literal here, so its fields cannot be checked`);
  }
  return inner;
}

function propertyName(property: ts.ObjectLiteralElementLike, what: string): string {
  if (ts.isSpreadAssignment(property)) unsafe(`${what} is spread from another object`);
  const name = property.name;
  if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))) return name.text;
  unsafe(`${what} has a computed property name`);
}

/** The object literal's property named `name` (the last one wins, as in JavaScript). */
export function findProperty(object: ts.ObjectLiteralExpression, name: string, what: string) {
  let found: ts.ObjectLiteralElementLike | undefined;
  for (const property of object.properties) {
    if (!ts.isSpreadAssignment(property) && propertyName(property, what) === name) found = property;
  }
  return found;
}

export function initializerOf(property: ts.ObjectLiteralElementLike | undefined, what: string) {
  if (!property) return undefined;
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  unsafe(`${what} is a method or accessor`);
}

/** `{ groupId, clusterName }` → `{ groupId, name: clusterName }`; returns each dead parameter's value. */
export function renamePathParameters(node: ts.Expression | undefined, plan: Plan): Map<string, Value> {
  const object = objectLiteral(node, 'the path parameters object');
  const renames = new Map(plan.op.parameterRenames);
  const values = new Map<string, Value>();
  for (const property of object.properties) {
    const dead = propertyName(property, 'the path parameters object');
    const value = initializerOf(property, 'a path parameter');
    if (value) values.set(dead, valueIn(value, plan.file));
    const to = renames.get(dead);
    if (!to || to === dead) continue;
    const name = (property as ts.PropertyAssignment | ts.ShorthandPropertyAssignment).name;
    if (ts.isShorthandPropertyAssignment(property)) {
      if (property.objectAssignmentInitializer) unsafe('a path parameter has a default value');
      plan.edits.push({ start: name.getStart(plan.file), end: name.end, text: `${to}: ${dead}` });
    } else if (ts.isIdentifier(name)) {
      plan.edits.push({ start: name.getStart(plan.file), end: name.end, text: to });
    } else {
      // a quoted name: keep the quotes, change what is between them
      plan.edits.push({ start: name.getStart(plan.file) + 1, end: name.end - 1, text: to });
    }
  }
  return values;
}

/** Whether [start, end) of the file holds only white space and commas (no comment would be lost). */
function onlySeparators(file: ts.SourceFile, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const char = file.text[i] as string;
    if (char !== ',' && char.trim() !== '') return false;
  }
  return true;
}

function removeProperty(object: ts.ObjectLiteralExpression, index: number, plan: Plan, what: string): void {
  const properties = object.properties;
  const property = properties[index] as ts.ObjectLiteralElementLike;
  const next = properties[index + 1];
  const previous = properties[index - 1];
  const [start, end] = next
    ? [property.getStart(plan.file), next.getStart(plan.file)]
    : previous
      ? [previous.end, property.end]
      : unsafe(`${what} would be left empty`);
  const gapStart = next ? property.end : start;
  const gapEnd = next ? end : property.getStart(plan.file);
  if (!onlySeparators(plan.file, gapStart, gapEnd)) unsafe(`a comment sits next to ${what}`);
  plan.edits.push({ start, end, text: '' });
}

/**
 * The request body, checked against both schemas: fields of the replacement's body stay as they are;
 * fields it lacks go only where droppableWhenSameAsPathParameter says they name the path's own value.
 */
export function planBody(node: ts.Expression | undefined, plan: Plan, pathValue: (name: string) => Value): void {
  const dead = plan.op.requestBody;
  const flex = plan.op.replacement.requestBody;
  if (!dead || !flex) return;
  const object = objectLiteral(node, 'the request body');
  const present = new Set<string>();
  object.properties.forEach((property, index) => {
    const name = propertyName(property, 'the request body');
    present.add(name);
    if (flex.properties.has(name)) return;
    if (!dead.properties.has(name)) return; // in neither schema: sent as before
    const parameter = droppableWhenSameAsPathParameter[name];
    if (!parameter) unsafe(`${name} has no counterpart in ${flex.schema}`);
    const value = valueIn(initializerOf(property, name) as ts.Expression, plan.file);
    if (!sameValue(value, pathValue(parameter))) {
      unsafe(`${name} may name another cluster than the path, and ${flex.schema} has no such field`);
    }
    removeProperty(object, index, plan, name);
  });
  for (const name of flex.required) if (!present.has(name)) unsafe(`the request body has no ${name}`);
}

/** `Accept` / `Content-Type` literals move to the replacement's media type; anything hidden stops the move. */
export function planHeaders(node: ts.Expression | undefined, plan: Plan): void {
  if (!node) return;
  let inner = unwrapExpression(node);
  if (ts.isNewExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'Headers') {
    inner = inner.arguments?.[0] ?? inner;
  }
  const object = objectLiteral(inner, 'the headers object');
  let setSinceSpread = new Set<string>();
  let spread = false;
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) {
      spread = true;
      setSinceSpread = new Set();
      continue;
    }
    const name = propertyName(property, 'the headers object').toLowerCase();
    const value = initializerOf(property, `the ${name} header`) as ts.Expression;
    const flat = flatten(unwrapExpression(value), plan.file);
    const edits = flat ? mediaTypeEdits(flat, plan.op, `the ${name} header`) : [];
    plan.edits.push(...edits);
    if (edits.length === 0 && mediaTypeHeaders.includes(name) && (!flat || flat.holes.length > 0)) {
      unsafe(`the ${name} header is computed; it must name ${plan.op.replacement.mediaType}`);
    }
    setSinceSpread.add(name);
  }
  const needed = plan.op.requestBody ? mediaTypeHeaders : ['accept'];
  if (spread && !needed.every((name) => setSinceSpread.has(name))) {
    unsafe('the headers are spread from another object that may carry the old media type');
  }
}

/** `method: 'POST'` → the replacement's method (the same for both operations today). */
export function planMethod(node: ts.Expression | undefined, plan: Plan): void {
  if (!node) {
    if (plan.op.method !== 'GET') unsafe(`the call names no method, so fetch sends GET, not ${plan.op.method}`);
    return;
  }
  const inner = unwrapExpression(node);
  if (!isStringLiteralLike(inner)) unsafe('the HTTP method is computed');
  if (inner.text.toUpperCase() !== plan.op.method) unsafe(`the call sends ${inner.text}, not ${plan.op.method}`);
  if (plan.op.replacement.method !== plan.op.method) {
    plan.edits.push({ start: inner.getStart(plan.file) + 1, end: inner.end - 1, text: plan.op.replacement.method });
  }
}

/**
 * The URL's static path text between the parameters becomes the replacement's, and a
 * `{clusterName}` written as such becomes `{name}`; returns what each dead parameter holds.
 */
export function planUrl(flat: FlatLiteral, match: PathMatch, plan: Plan): (name: string) => Value {
  plan.edits.push(...pathEdits(flat, match, plan.op));
  const values = new Map<string, Value>();
  match.parameters.forEach(([start, end], i) => {
    const [dead] = plan.op.parameterRenames[i] as readonly [string, string];
    const segment = flat.value.slice(start, end);
    const holeIndex = flat.value.slice(0, start).split(HOLE).length - 1;
    const hole = flat.holes[holeIndex];
    values.set(
      dead,
      segment === HOLE && hole
        ? { expression: unwrapExpression(hole).getText(plan.file) }
        : segment.includes(HOLE)
          ? undefined
          : { text: segment },
    );
  });
  return (name) => values.get(name);
}
