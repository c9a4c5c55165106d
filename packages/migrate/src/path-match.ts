// Matches a URL value against the dead operations' path templates. The value is that of one literal,
// or of a concatenation of literals flattened into one string with each interpolated expression as
// HOLE; regular expressions run over that value only, never over a file's text.
import { type DeadOperation, deadNames, deadOperations } from './facts.ts';

/** Stands for an interpolated expression (`${…}`, a non-literal operand of `+`, `$VAR` in a shell word). */
export const HOLE = '\u0000';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The static text between a template's parameters, in order (one more than there are parameters). */
export const staticRuns = (path: string): string[] => path.split(/\{[^{}/]+\}/);

interface CompiledTemplate {
  op: DeadOperation;
  /** A segment value per parameter; the path ends at the string's end, a query, a fragment or a hole. */
  exact: RegExp;
  /** The same shape in prose (comments, Markdown): a parameter is any run without `/` or white space. */
  loose: RegExp;
}

const compiled: CompiledTemplate[] = deadOperations.map((op) => {
  const runs = staticRuns(op.path).map(escapeRegExp);
  return {
    op,
    exact: new RegExp(`${runs.join('([^/?#]+)')}(?=$|[?#${HOLE}])`, 'd'),
    loose: new RegExp(`${runs.join('[^/\\s]+')}(?![\\w/-])`),
  };
});

export interface PathMatch {
  op: DeadOperation;
  /** [start, end) of the matched path in the value. */
  start: number;
  end: number;
  /** [start, end) of each parameter's segment in the value, in template order. */
  parameters: Array<[number, number]>;
}

/** The dead operation whose path this URL value contains, if any. */
export function matchPath(value: string): PathMatch | undefined {
  for (const { op, exact } of compiled) {
    const found = exact.exec(value);
    if (!found?.indices) continue;
    const [start, end] = found.indices[0] as [number, number];
    return { op, start, end, parameters: found.indices.slice(1) as Array<[number, number]> };
  }
  return undefined;
}

const wordsOfNames = new RegExp(`\\b(${[...deadNames.keys()].map(escapeRegExp).join('|')})\\b`);

/** The dead operation a piece of prose (a comment, a Markdown line, a string) names or shows the path of. */
export function mentionedOperation(text: string): DeadOperation | undefined {
  const name = wordsOfNames.exec(text)?.[1];
  if (name) return deadNames.get(name);
  return compiled.find(({ loose }) => loose.test(text))?.op;
}

/** Texts one of which every mention holds: the dead names and the first static run of each dead path. */
export const commentNeedles: readonly string[] = [
  ...deadNames.keys(),
  ...new Set(deadOperations.map((op) => staticRuns(op.path)[0] as string)),
];

/**
 * Cheap necessary condition for any finding in a file: a dead name, or every static segment of a
 * dead path. A file that has neither cannot hold a caller or a mention the parser would find, so it
 * is not parsed (the scan's speed on large repositories comes from this).
 */
const requirements: string[][] = [
  ...[...deadNames.keys()].map((name) => [name]),
  ...deadOperations.map((op) => op.path.split('/').filter((s) => s !== '' && !s.startsWith('{'))),
];

export function mayMention(text: string): boolean {
  return requirements.some((needles) => needles.every((needle) => text.includes(needle)));
}
