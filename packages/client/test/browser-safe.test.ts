// The main entry must stay usable in a browser: no module reachable from src/index.ts may import
// a Node built-in, following package.json "imports" (#digest-hash) as a browser bundler resolves
// them. (fs-using code lives behind '@atlas-kit/client/node'.)
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '..');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

const browser = new Set(['@atlas-kit/source', 'browser', 'import', 'default']);

/** A `#` specifier resolved through package.json "imports" under `conditions` (first matching key wins). */
function resolveImport(spec: string, conditions: Set<string>): string {
  let target: unknown = (pkg.imports as Record<string, unknown>)[spec];
  while (target && typeof target === 'object') {
    const key = Object.keys(target).find((k) => conditions.has(k));
    target = key === undefined ? undefined : (target as Record<string, unknown>)[key];
  }
  if (typeof target !== 'string') throw new Error(`${spec} does not resolve under ${[...conditions].join(', ')}`);
  return join(root, target);
}

/** The import graph from `entry`; with `staticOnly`, what loads at import time (no `import()`). */
function graph(entry: string, conditions = browser, staticOnly = false): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specs = [...readFileSync(file, 'utf8').matchAll(importRe)]
      .map((m) => (staticOnly ? m[1] : (m[1] ?? m[2])))
      .filter((s): s is string => s !== undefined);
    seen.set(file, specs);
    for (const s of specs) {
      if (s.startsWith('.')) visit(join(dirname(file), s));
      else if (s.startsWith('#')) visit(resolveImport(s, conditions));
    }
  };
  visit(entry);
  return seen;
}

describe('entry points', () => {
  it('package.json exports the browser-safe main entry, the Digest building blocks and the Node entry', () => {
    expect(pkg.exports).toEqual({
      '.': { '@atlas-kit/source': './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' },
      './digest': { '@atlas-kit/source': './src/digest.ts', types: './dist/digest.d.ts', import: './dist/digest.js' },
      './node': {
        '@atlas-kit/source': './src/node/index.ts',
        types: './dist/node/index.d.ts',
        import: './dist/node/index.js',
      },
    });
  });

  it('nothing reachable from the main entry imports a Node built-in', () => {
    const g = graph(join(root, 'src/index.ts'));
    expect(g.size).toBeGreaterThan(10);
    const offenders = [...g].flatMap(([file, specs]) =>
      specs.filter((s) => builtins.has(s)).map((s) => `${relative(root, file)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('under the node condition, #digest-hash is node:crypto (so the check above can fail)', () => {
    const g = graph(join(root, 'src/index.ts'), new Set(['@atlas-kit/source', 'node', 'import', 'default']));
    expect([...g.values()].flat()).toContain('node:crypto');
  });

  it('in Node, importing the main entry loads no built-in: node:crypto waits for a Digest client', () => {
    const node = new Set(['@atlas-kit/source', 'node', 'import', 'default']);
    const atImport = [...graph(join(root, 'src/index.ts'), node, true).values()].flat();
    expect(atImport.filter((s) => builtins.has(s))).toEqual([]);
    // …while the Digest entry loads it up front (so the check above can fail).
    expect([...graph(join(root, 'src/digest.ts'), node, true).values()].flat()).toContain('node:crypto');
  });

  it('the Digest entry is browser-safe as well', () => {
    const g = graph(join(root, 'src/digest.ts'));
    expect([...g.values()].flat().filter((s) => builtins.has(s))).toEqual([]);
  });

  it('the Node entry is where fs is used (so the check above can fail)', () => {
    const g = graph(join(root, 'src/node/index.ts'));
    const nodeImports = [...g.values()].flat().filter((s) => builtins.has(s));
    expect(nodeImports).toContain('node:fs/promises');
  });
});
