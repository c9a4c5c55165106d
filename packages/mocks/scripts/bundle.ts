// The JavaScript of dist/: the three entries (index, node, browser) bundled by rolldown from src/,
// with the code they share in chunks, every dependency left external; tsc emits the declarations.
//
// Why not tsc's one file per module: Node's ESM loader costs about a millisecond per module at
// start (resolve, read, compile, link), and src/ is some thirty modules (the steps are one file
// each on purpose). Bundled, a process that imports @atlas-kit/mocks/node and answers one request
// used 10–12 % less CPU: the cold start went from about 1.2× bare msw's (the target is 1.25×, so
// a loaded machine failed it now and then) to about 1.1× (bench/cold-start.bench.ts).
import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

// Relative imports are ours and get bundled; every bare specifier (msw, @atlas-kit/*, node:*, the
// dependencies) is the user's install and stays an import.
const external = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith(root);

const bundle = await rolldown({
  input: { index: `${root}src/index.ts`, node: `${root}src/node.ts`, browser: `${root}src/browser.ts` },
  external,
  platform: 'neutral',
  tsconfig: `${root}tsconfig.build.json`,
});
// JavaScript an earlier build left (a per-module emit, chunks of another hash) would ship unused.
for (const file of await readdir(dist, { recursive: true })) {
  if (/\.js(\.map)?$/.test(file)) await rm(`${dist}/${file}`);
}
await bundle.write({
  dir: dist,
  format: 'esm',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  sourcemap: true,
});
await bundle.close();
