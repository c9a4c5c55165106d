// The main entry must stay usable in a browser: no module reachable from src/index.ts may import
// a Node built-in. (fs-using code lives behind '@atlas-kit/client/node'.)
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '..');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specs = [...readFileSync(file, 'utf8').matchAll(importRe)].map((m) => (m[1] ?? m[2]) as string);
    seen.set(file, specs);
    for (const s of specs) if (s.startsWith('.')) visit(join(dirname(file), s));
  };
  visit(entry);
  return seen;
}

describe('entry points', () => {
  it('package.json exports the browser-safe main entry and the Node entry', () => {
    expect(pkg.exports).toEqual({
      '.': { '@atlas-kit/source': './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' },
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

  it('the Node entry is where fs is used (so the check above can fail)', () => {
    const g = graph(join(root, 'src/node/index.ts'));
    const nodeImports = [...g.values()].flat().filter((s) => builtins.has(s));
    expect(nodeImports).toContain('node:fs/promises');
  });
});
