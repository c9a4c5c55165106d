// Moving a matched path to the replacement's, on any value that maps back to source offsets (a
// TypeScript literal, a shell word): the static text between parameters, and `{name}` where written so.
import type { DeadOperation } from './facts.ts';
import type { Edit } from './model.ts';
import { type PathMatch, staticRuns } from './path-match.ts';
import { unsafe } from './unsafe.ts';

export interface MappedValue {
  value: string;
  /** Source offset of each character of `value`; -1 where it has none (a hole, an escape). */
  offsets: number[];
}

/** Source span of value[start, end) when it is written contiguously, as it reads; else undefined. */
export function sourceSpan(flat: MappedValue, start: number, end: number): [number, number] | undefined {
  if (end <= start) return undefined;
  const first = flat.offsets[start] ?? -1;
  if (first < 0) return undefined;
  for (let i = start + 1; i < end; i++) if (flat.offsets[i] !== first + (i - start)) return undefined;
  return [first, first + (end - start)];
}

export function pathEdits(flat: MappedValue, match: PathMatch, op: DeadOperation): Edit[] {
  const edits: Edit[] = [];
  const deadRuns = staticRuns(op.path);
  const flexRuns = staticRuns(op.replacement.path);
  const bounds = [match.start, ...match.parameters.flat(), match.end];
  for (let k = 0; k < deadRuns.length; k++) {
    if (deadRuns[k] === flexRuns[k]) continue;
    const span =
      sourceSpan(flat, bounds[2 * k] as number, bounds[2 * k + 1] as number) ??
      unsafe('the path is split over several literals or written with escapes');
    edits.push({ start: span[0], end: span[1], text: flexRuns[k] as string });
  }
  match.parameters.forEach(([start, end], i) => {
    const [dead, to] = op.parameterRenames[i] as readonly [string, string];
    if (flat.value.slice(start, end) === `{${dead}}` && dead !== to) {
      const span = sourceSpan(flat, start + 1, end - 1) ?? unsafe('the path is written with escapes');
      edits.push({ start: span[0], end: span[1], text: to });
    }
  });
  return edits;
}

/** The request headers that carry the operation's media type. */
export const mediaTypeHeaders = ['accept', 'content-type'];

/** Edits that put the replacement's media type wherever the dead one is written in `flat`. */
export function mediaTypeEdits(flat: MappedValue, op: DeadOperation, what: string): Edit[] {
  const edits: Edit[] = [];
  for (let at = flat.value.indexOf(op.mediaType); at >= 0; at = flat.value.indexOf(op.mediaType, at + 1)) {
    const span = sourceSpan(flat, at, at + op.mediaType.length) ?? unsafe(`${what} is written with escapes`);
    edits.push({ start: span[0], end: span[1], text: op.replacement.mediaType });
  }
  return edits;
}
