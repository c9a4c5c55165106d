// Browser bundle: bench/bundle/client.js (createAtlasClient with bearer auth, from the built
// package as a user's bundler resolves it) against bench/bundle/openapi-fetch.js (openapi-fetch
// alone), each bundled by rolldown for the browser, minified, every chunk gzipped (level 9).
// Target: the client's up-front bytes ≤ openapi-fetch's own + 12 kB gzip.
//
// The client loads some parts only when a call needs them (dynamic import(): Digest hashing for
// auth.type 'digest', the rendered migration notice, the 429 retry loop), which the bundler emits
// as chunks of their own. Two figures are therefore printed: up front (the entry chunk and what it
// imports statically: what a page with a bearer or service-account client loads before its first
// call) and all chunks (everything the package may ever load). The verdict is on up front: it is
// what every page pays; a lazy chunk is fetched only by a page that needs it (README, "Bench").
//   node bench/bundle.bench.ts   (needs the client built: see bench/run.ts)
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type OutputChunk } from 'rolldown';
import { loadAverage } from '../../../scripts/bench-stats.ts';

const MARGIN_KB = 12;
const dir = resolve(import.meta.dirname, 'bundle');

interface Size {
  raw: number;
  gzip: number;
}

interface Measured {
  upFront: Size;
  total: Size;
  chunks: Array<{ name: string; upFront: boolean } & Size>;
  /** Bytes of the up-front chunks by package, as rendered before minification (where the bytes come from). */
  byPackage: Map<string, number>;
}

const sizeOf = (code: string): Size => ({
  raw: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
});

const packageOf = (rawId: string) => {
  // Module ids are paths, or names of virtual modules (a NUL first): shown without control characters.
  const id = rawId.replace(/\p{Cc}/gu, '');
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id.split('node_modules/.pnpm/').at(-1) ?? id);
  if (m) return m[1] as string;
  const own = /packages\/([^/]+)\//.exec(id);
  return own ? `@atlas-kit/${own[1]}` : id;
};

async function measure(entry: string): Promise<Measured> {
  const { output } = await build({
    input: resolve(dir, entry),
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    // As in an app build (vite's default for one): the entry exports nothing, so the chunks that
    // are loaded later import what they share with it from it, instead of from extra chunks.
    preserveEntrySignatures: false,
    output: { format: 'esm', minify: true },
  });
  const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const upFront = new Set<string>();
  const visit = (name: string) => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const next of byName.get(name)?.imports ?? []) visit(next);
  };
  for (const c of chunks) if (c.isEntry) visit(c.fileName);
  const rows = chunks.map((c) => ({ name: c.fileName, upFront: upFront.has(c.fileName), ...sizeOf(c.code) }));
  const sum = (list: Size[]) =>
    list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const byPackage = new Map<string, number>();
  for (const c of chunks) {
    if (!upFront.has(c.fileName)) continue;
    for (const [id, m] of Object.entries(c.modules)) {
      const key = packageOf(id);
      byPackage.set(key, (byPackage.get(key) ?? 0) + m.renderedLength);
    }
  }
  return { upFront: sum(rows.filter((r) => r.upFront)), total: sum(rows), chunks: rows, byPackage };
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const show = (s: Size) => `${kB(s.raw)} min, ${kB(s.gzip)} gzip`;

console.log(`browser bundle (rolldown, platform browser, minified, gzip -9 per chunk); load ${loadAverage()}`);
const base = await measure('openapi-fetch.js');
const client = await measure('client.js');
const over = (client.upFront.gzip - base.total.gzip) / 1000;
const overTotal = (client.total.gzip - base.total.gzip) / 1000;
const pass = over <= MARGIN_KB;
const packages = [...client.byPackage]
  .sort((a, b) => b[1] - a[1])
  .map(([name, bytes]) => `${name} ${kB(bytes)}`)
  .join(', ');
console.log(
  [
    `  openapi-fetch alone:            ${show(base.total)}`,
    `  @atlas-kit/client, up front:    ${show(client.upFront)} (+${over.toFixed(1)} kB gzip)`,
    `  @atlas-kit/client, all chunks:  ${show(client.total)} (+${overTotal.toFixed(1)} kB gzip)`,
    ...client.chunks.filter((c) => !c.upFront).map((c) => `    loaded when needed: ${c.name.padEnd(34)} ${show(c)}`),
    `  up front by package (rendered, before minification): ${packages}`,
    `  verdict on the up-front bytes: target ≤ openapi-fetch + ${MARGIN_KB} kB gzip — ${pass ? 'PASS' : 'FAIL'}`,
  ].join('\n'),
);
if (!pass) process.exitCode = 1;
