// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are the source code of the generated files
// Bench of the Performance criterion: a whole `atlas-kit-migrate scan` process over a generated
// 5,000-file TypeScript repository must take at most 5 s. Prints each run, the median and files per
// second, and exits 1 above the limit (or when the scan's answer is wrong).
//
//   pnpm --filter @atlas-kit/migrate bench
//   BENCH_FILES=5000 BENCH_RUNS=5 BENCH_LIMIT_MS=5000
//   BENCH_EVERY_FILE_PARSED=1: every file mentions a dead operation in a comment, so none is skipped
//   before parsing (the worst case; the default repository is a realistic one, 2 % of files calling)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, median } from '../../../scripts/bench-stats.ts';
import { deadOperations } from '../src/facts.ts';

const files = Number(process.env.BENCH_FILES ?? 5000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const limitMs = Number(process.env.BENCH_LIMIT_MS ?? 5000);
const everyFileParsed = process.env.BENCH_EVERY_FILE_PARSED === '1';
const callerEvery = 50;
const bin = fileURLToPath(new URL('../bin/atlas-kit-migrate.js', import.meta.url));

const [download] = deadOperations as [(typeof deadOperations)[number]];
/** A spec path template as a JavaScript template literal: `{groupId}` → `${groupId}`. */
const templateOf = (path: string) => `\`\${base}${path.replaceAll('{', '${')}\``;

function moduleText(i: number): string {
  const lines = [
    `import { helper${i % 97} } from '../shared/helper-${i % 97}.ts';`,
    `import type { Settings } from '../shared/settings.ts';`,
    '',
    `/** Module ${i}: what a service file of a real repository looks like, more or less. */`,
    `export interface Record${i} {`,
    '  id: string;',
    '  name: string;',
    '  createdAt: Date;',
    '  tags: readonly string[];',
    '}',
    '',
    `export async function list${i}(base: string, groupId: string, name: string, settings: Settings) {`,
    `  const response = await fetch(${templateOf(download.replacement.path)}, {`,
    `    method: '${download.replacement.method}',`,
    `    headers: { Accept: '${download.replacement.mediaType}', Authorization: settings.authorization },`,
    '  });',
    '  if (!response.ok) throw new Error(`request failed: ${response.status}`);',
    `  return (await response.json()) as Record${i}[];`,
    '}',
    '',
    `export function summarize${i}(records: Record${i}[]): Map<string, number> {`,
    '  const counts = new Map<string, number>();',
    '  for (const record of records) {',
    '    for (const tag of record.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);',
    '  }',
    `  return helper${i % 97}(counts);`,
    '}',
    '',
    `export class Cache${i} {`,
    `  readonly #entries = new Map<string, { value: Record${i}; at: number }>();`,
    `  get(id: string, now = Date.now()): Record${i} | undefined {`,
    '    const entry = this.#entries.get(id);',
    '    return entry && now - entry.at < 60_000 ? entry.value : undefined;',
    '  }',
    `  set(value: Record${i}, now = Date.now()): void {`,
    '    this.#entries.set(value.id, { value, at: now });',
    '  }',
    '}',
  ];
  if (i % callerEvery === 0) {
    lines.push(
      '',
      `export const download${i} = (base: string, groupId: string, clusterName: string, snapshotId: string) =>`,
      `  fetch(${templateOf(download.path)}, {`,
      `    method: '${download.method}',`,
      `    headers: { Accept: '${download.mediaType}', 'Content-Type': '${download.mediaType}' },`,
      '    body: JSON.stringify({ snapshotId, targetDeploymentItemName: clusterName }),',
      '  });',
    );
  }
  if (everyFileParsed) lines.push(`// formerly ${download.operationId}`);
  return `${lines.join('\n')}\n`;
}

function generate(root: string): void {
  writeFileSync(join(root, '.gitignore'), 'dist/\n');
  for (let i = 0; i < files; i++) {
    const directory = join(root, 'src', `area-${i % 40}`, `part-${i % 7}`);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, `module-${i}.ts`), moduleText(i));
  }
  // callers the scan must not report: ignored by .gitignore, and in node_modules
  for (const skipped of ['dist', 'node_modules/some-sdk']) {
    mkdirSync(join(root, skipped), { recursive: true });
    for (let i = 0; i < 100; i++) writeFileSync(join(root, skipped, `module-${i}.ts`), moduleText(0));
  }
}

const root = mkdtempSync(join(tmpdir(), 'atlas-migrate-bench-'));
let failed = false;
try {
  generate(root);
  const expected = Math.ceil(files / callerEvery);
  console.log(
    `${files} TypeScript files (${expected} calling ${download.operationId}${everyFileParsed ? ', every file mentioning it' : ''}), ` +
      `plus 200 the scan must skip; ${runs} runs of the whole process: node ${bin} scan --format json`,
  );
  const loadBefore = loadAverage();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--conditions=@atlas-kit/source', bin, 'scan', '--format', 'json', root],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const ms = performance.now() - start;
    times.push(ms);
    const found = child.status === 1 ? JSON.parse(child.stdout).callers.length : -1;
    console.log(`  run ${run + 1}: ${ms.toFixed(0)} ms, ${((files * 1000) / ms).toFixed(0)} files/s, ${found} callers`);
    if (found !== expected) {
      console.log(`  WRONG: expected ${expected} callers (exit ${child.status}: ${child.stderr.trim()})`);
      failed = true;
    }
  }
  const m = median(times);
  console.log(
    `median ${m.toFixed(0)} ms → ${((files * 1000) / m).toFixed(0)} files/s; limit ${limitMs} ms: ${m <= limitMs ? 'PASS' : 'FAIL'}`,
  );
  console.log(`load average (1/5/15 min): ${loadBefore} before, ${loadAverage()} after`);
  if (m > limitMs) failed = true;
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
