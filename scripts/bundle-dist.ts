// The JavaScript of a package's dist/, bundled by rolldown from src/: one file per entry of the
// package's `exports` and `imports` (the `@atlas-kit/source` paths), the code they share and what
// they load lazily in chunks, every dependency left external. tsc emits the declarations
// (`emitDeclarationOnly` in the package's tsconfig.build.json). Run from the package's folder.
//
// Why not tsc's one file per module: Node's ESM loader costs about a millisecond per module at
// start (resolve, read, compile, link), and a package's src/ is a few dozen small modules, one idea
// each on purpose. Bundled, a process that imports the mocks and answers one request used 10–12 %
// less CPU (packages/mocks/bench/cold-start.bench.ts).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { rolldown } from 'rolldown';

const root = process.cwd();
const dist = join(root, 'dist');
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

/** `./src/node/index.ts` of every entry whose built file is `./dist/node/index.js`, keyed `node/index`. */
function entries(map: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const conditions = node as Record<string, unknown>;
    const source = conditions['@atlas-kit/source'];
    const built = conditions.import ?? conditions.default;
    if (typeof source === 'string' && typeof built === 'string' && built.startsWith('./dist/')) {
      out[built.slice('./dist/'.length).replace(/\.js$/, '')] = join(root, source);
    }
    for (const value of Object.values(conditions)) visit(value);
  };
  for (const value of Object.values(map ?? {})) visit(value);
  return out;
}

const input = { ...entries(manifest.exports), ...entries(manifest.imports) };
// Relative imports are the package's own and get bundled; every bare specifier (dependencies,
// `node:*`, the package's own `#imports`) is resolved where the package is installed.
const external = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith(root);

const bundle = await rolldown({ input, external, platform: 'neutral', tsconfig: join(root, 'tsconfig.build.json') });
// JavaScript an earlier build left (a per-module emit, chunks of another hash) would ship unused.
for (const file of await readdir(dist, { recursive: true }).catch(() => [])) {
  if (/\.js(\.map)?$/.test(file)) await rm(join(dist, file));
}
await bundle.write({
  dir: dist,
  format: 'esm',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  sourcemap: true,
});
await bundle.close();
console.log(`${manifest.name}: bundled ${Object.keys(input).length} entries into ${relative(root, dist)}/`);
