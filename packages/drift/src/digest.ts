import { createHash } from 'node:crypto';
import { MAX_QUOTED_CHARS } from './limits.ts';

/*
 * YAML aliases make a document a graph: 21 KB of `&a [*b, *b]` layers describes a value with
 * billions of leaves, and anything that serialises it (JSON.stringify, a naive walk) runs for
 * minutes. js-yaml builds aliases as shared references without expanding them, so the checker only
 * has to never walk a value as a tree: values are compared by a digest memoised per object (work
 * proportional to the distinct nodes, not the expanded leaves) and quoted through a preview that
 * stops after a fixed number of characters.
 */

const memo = new WeakMap<object, string>();

/** A canonical digest of a JSON-like value: equal for equal content, whatever the key order or sharing. */
export function digest(value: unknown): string {
  return walk(value, new Set());
}

function walk(value: unknown, path: Set<object>): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' && value.length > 64 ? `s${hash(value)}` : `${typeof value}:${String(value)}`;
  }
  const known = memo.get(value);
  if (known) return known;
  // a recursive alias (`&a [*a]`) has no finite expansion: mark it instead of looping
  if (path.has(value)) return 'cycle';
  path.add(value);
  const parts = Array.isArray(value)
    ? value.map((v) => walk(v, path))
    : Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}=${walk((value as Record<string, unknown>)[k], path)}`);
  path.delete(value);
  const result = `${Array.isArray(value) ? 'a' : 'o'}${hash(parts.join(','))}`;
  memo.set(value, result);
  return result;
}

const hash = (s: string) => createHash('sha1').update(s).digest('base64url');

/**
 * JSON-like text of a value, cut after `max` characters with `…`. Each step writes at least one
 * character, so the walk ends within the budget however large the expanded value would be.
 */
export function preview(value: unknown, max = MAX_QUOTED_CHARS): string {
  let out = '';
  let full = false;
  const put = (s: string) => {
    if (full) return;
    if (out.length + s.length > max) {
      out += s.slice(0, Math.max(0, max - out.length));
      full = true;
    } else out += s;
  };
  const visit = (v: unknown, depth: number) => {
    if (full) return;
    if (v === null || typeof v !== 'object') {
      const cut = typeof v === 'string' && v.length > max ? v.slice(0, max + 1) : v;
      put(cut === undefined ? 'undefined' : (JSON.stringify(cut) ?? String(cut)));
      return;
    }
    if (depth > 20) {
      put('…');
      return;
    }
    if (Array.isArray(v)) {
      put('[');
      v.forEach((item, i) => {
        if (i) put(', ');
        visit(item, depth + 1);
      });
      put(']');
      return;
    }
    put('{');
    Object.keys(v).forEach((k, i) => {
      if (i) put(', ');
      put(`${JSON.stringify(k)}: `);
      visit((v as Record<string, unknown>)[k], depth + 1);
    });
    put('}');
  };
  visit(value, 0);
  return full ? `${out}…` : out;
}
