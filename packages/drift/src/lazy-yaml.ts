import { CORE_SCHEMA, load } from 'js-yaml';

/*
 * Lazy YAML document for the multi-megabyte upstream spec, hand-written for speed.
 *
 * Parsing all of a 3–4 MB spec with js-yaml costs 200–400 ms on these machines, yet the check
 * reads one path item and the dozen components it reaches. Generated specs are block-style YAML
 * with one key per line, so the top level, `paths`, `components` and `components.<section>` are
 * indexed by indentation (a regex over the text, no parsing), and each entry is parsed with js-yaml
 * only when it is first read (a getter that then caches the value). Anything outside the simple
 * shape — flow collections, complex keys, sequences where a mapping is expected, or a block js-yaml
 * rejects on its own (e.g. an alias to an anchor defined elsewhere) — falls back to parsing the
 * whole document once, so results never differ from a full parse (tests compare both).
 */

const blockTexts = new WeakMap<object, Map<string, string>>();

/** Time spent parsing blocks on first read: it belongs to the parse phase, not to the resolver that triggers it. */
export const lazyParseStats = { ms: 0, blocks: 0, fullParses: 0 };

/** Raw YAML text of `key`'s block in a lazy mapping (undefined for ordinary objects). */
export function rawBlock(mapping: object, key: string): string | undefined {
  return blockTexts.get(mapping)?.get(key);
}

interface Ctx {
  text: string;
  parseFull(): any;
}

interface Entry {
  key: string;
  lineStart: number;
  /** end of the key line (index of its '\n' or text end) */
  lineEnd: number;
  rest: string;
  blockEnd: number;
}

const LAZY_CHILDREN = (path: string[]): boolean =>
  path.length === 0 ||
  (path.length === 1 && (path[0] === 'paths' || path[0] === 'components')) ||
  (path.length === 2 && path[0] === 'components');

/** Returns a lazy document, or undefined when the text does not have the simple block shape. */
export function lazyYamlDocument(text: string, parseFull: () => any): Record<string, any> | undefined {
  if (/^(%|---|\.\.\.)/m.test(text)) return undefined; // directives or several documents
  let full: unknown;
  const ctx: Ctx = {
    text,
    parseFull: () => {
      full ??= parseFull();
      return full;
    },
  };
  return lazyMapping(ctx, 0, text.length, 0, []);
}

function parseKey(line: string): { key: string; rest: string } | undefined {
  const first = line[0];
  let key: string;
  let after: string;
  if (first === '"' || first === "'") {
    let i = 1;
    for (; i < line.length; i++) {
      if (first === '"' && line[i] === '\\') i++;
      else if (line[i] === first) {
        if (first === "'" && line[i + 1] === "'") i++;
        else break;
      }
    }
    if (i >= line.length) return undefined;
    const quoted = line.slice(0, i + 1);
    key = first === "'" ? quoted.slice(1, -1).replace(/''/g, "'") : (JSON.parse(quoted) as string);
    after = line.slice(i + 1);
    if (!after.startsWith(':')) return undefined;
    after = after.slice(1);
  } else {
    if ('?{[&*!|>%@`-#,'.includes(first ?? '')) return undefined;
    const colon = line.indexOf(': ');
    if (colon === -1) {
      if (!line.endsWith(':')) return undefined;
      key = line.slice(0, -1);
      after = '';
    } else {
      key = line.slice(0, colon);
      after = line.slice(colon + 1);
    }
    key = key.trimEnd();
  }
  if (after !== '' && !/^\s/.test(after)) return undefined;
  let rest = after.trim();
  if (rest.startsWith('#')) rest = '';
  return { key, rest };
}

function lazyMapping(ctx: Ctx, start: number, end: number, indent: number, path: string[]): object | undefined {
  const { text } = ctx;
  const re = new RegExp(`^ {${indent}}(\\S[^\\n]*)$`, 'gm');
  re.lastIndex = start;
  const entries: Entry[] = [];
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const line = (m[1] as string).replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    const parsed = parseKey(line);
    if (!parsed) return undefined;
    const prev = entries[entries.length - 1];
    if (prev) prev.blockEnd = m.index;
    entries.push({ ...parsed, lineStart: m.index, lineEnd: m.index + m[0].length, blockEnd: end });
  }
  if (entries.length === 0) return undefined;
  // something less indented than the keys (other than blank/comment lines) means the shape is not what we think
  const firstLine = text.slice(start, entries[0]?.lineStart).trim();
  if (firstLine !== '' && !firstLine.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#')))
    return undefined;

  const obj: Record<string, any> = {};
  const raw = new Map<string, string>();
  for (const entry of entries) {
    if (Object.hasOwn(obj, entry.key)) return undefined; // duplicate key: let the full parse report it
    raw.set(entry.key, text.slice(entry.lineStart, entry.blockEnd));
    Object.defineProperty(obj, entry.key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = entryValue(ctx, entry, indent, [...path, entry.key]);
        Object.defineProperty(obj, entry.key, { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
    });
  }
  blockTexts.set(obj, raw);
  return obj;
}

function entryValue(ctx: Ctx, entry: Entry, indent: number, path: string[]): any {
  const { text } = ctx;
  const t0 = performance.now();
  if (entry.rest === '' && LAZY_CHILDREN(path)) {
    const childStart = entry.lineEnd + 1;
    const m = /^( *)[^ \n#]/m.exec(text.slice(childStart, entry.blockEnd));
    const childIndent = m ? (m[1] as string).length : -1;
    if (childIndent > indent) {
      const lazy = lazyMapping(ctx, childStart, entry.blockEnd, childIndent, path);
      if (lazy) {
        lazyParseStats.ms += performance.now() - t0;
        return lazy;
      }
    }
  }
  try {
    let block = text.slice(entry.lineStart, entry.blockEnd);
    if (indent > 0) block = block.replace(new RegExp(`^ {1,${indent}}`, 'gm'), '');
    const parsed = load(block, { schema: CORE_SCHEMA }) as Record<string, unknown> | null;
    const keys = parsed && typeof parsed === 'object' ? Object.keys(parsed) : [];
    if (keys.length !== 1 || keys[0] !== entry.key) throw new Error('block shape');
    return parsed?.[entry.key];
  } catch {
    lazyParseStats.fullParses++;
    let value: any = ctx.parseFull();
    for (const segment of path) value = value?.[segment];
    return value;
  } finally {
    lazyParseStats.ms += performance.now() - t0;
    lazyParseStats.blocks++;
  }
}
