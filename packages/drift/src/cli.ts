import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Acknowledgement, loadAcknowledgements } from './acknowledge.ts';
import { type CheckDocument, checkDrift } from './check.ts';
import { formatDay, requireDay } from './dates.ts';
import { InputError, inputReason, oneLine } from './errors.ts';
import { defaultBaselines, migrationNotice } from './facts.ts';
import type { Caller } from './lifecycle.ts';
import { DEFAULT_MAX_BYTES, MAX_TIMEOUT_S } from './limits.ts';
import { isUrl, type LoadedDocument, loadDocument } from './load.ts';
import { terminal } from './report/escape.ts';
import { refRoot } from './resolve.ts';

/** MongoDB's public combined Atlas Admin API v2 spec. */
export const DEFAULT_UPSTREAM = 'https://raw.githubusercontent.com/mongodb/openapi/main/openapi/v2.yaml';
/** Resolved from this package, never from cwd: `pnpm drift` and the bin must agree wherever they run. */
export const PACKAGE_DIR = resolve(import.meta.dirname, '..');
export const DEFAULT_ACKNOWLEDGED = resolve(PACKAGE_DIR, 'acknowledged.yaml');
const DEFAULT_TIMEOUT_S = 30;

export const HELP = `Usage: atlas-drift [options]

Checks every pinned Atlas operation (the fragments compiled from specs/: the tenant download and
its restore-job poll, downloadFlexBackup and getFlexRestoreJob, the Flex snapshot listing) against the
upstream spec, in one report grouped by operation.

Options:
  --upstream <file|url>    upstream OpenAPI 3.x spec, YAML or JSON, gzip allowed; repeatable, searched
                           in order (default: ${DEFAULT_UPSTREAM})
  --baseline <file>        a fragment to check instead of the compiled specs/; every operation in it
                           is checked; repeatable
  --operation <id>         check only this operationId; repeatable
  --strict-lifecycle       the removal of an operation after its sunset is breaking (default: a warning
                           while its replacement is upstream)
  --callers <dir>          scan this source tree for calls of the operations (atlas-kit-migrate scan):
                           a removed operation is breaking while callers remain, a warning when none
                           do; the report names the first callers; repeatable
  --acknowledged <file>    reviewed acknowledgements (default: packages/drift/acknowledged.yaml)
  --no-acknowledged        ignore acknowledgements
  --now <YYYY-MM-DD>       date for lifecycle and expiry checks (default: today, UTC)
  --format <text|json|markdown>  output format (default: text)
  --timeout <seconds>      upstream download timeout, at most ${MAX_TIMEOUT_S} (default: ${DEFAULT_TIMEOUT_S})
  --max-bytes <n>          bytes read from one document, e.g. 64M (default: ${DEFAULT_MAX_BYTES} = 64 MiB)
  --verbose                also list description/example/x-codeSamples changes (never affect the verdict)
  --timings                print phase timings and memory to stderr (and into --format json)
  -h, --help               show this help

Exit codes: 0 no breaking change, 1 breaking change, 2 unusable input.
`;

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
}

export interface Timings {
  upstreamReadMs: number;
  upstreamParseMs: number;
  upstreamBytes: number;
  baselineMs: number;
  /** upstream + baseline parsing (each parsed in full) */
  parseMs: number;
  resolveMs: number;
  compareMs: number;
  renderMs: number;
  /** Node boot + module loading, until the CLI starts working */
  startupMs: number;
  /** since process start (performance.timeOrigin): includes Node startup and module loading */
  totalMs: number;
  /** user + system CPU time of the process so far: less sensitive than wall time to a busy machine */
  cpuMs: number;
  rssMB: number;
  maxRssMB: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** ms from process start to the first run(): Node boot + loading the modules */
let startupMs: number | undefined;

export async function run(argv: string[], io: Io = process): Promise<number> {
  startupMs ??= performance.now();
  try {
    return await main(argv, io);
  } catch (error) {
    const reason = error instanceof InputError ? error.message : inputReason(error);
    if (reason !== undefined) {
      io.stderr.write(`atlas-drift: error: ${terminal(oneLine(reason))}\n`);
    } else {
      const e = error as Error;
      io.stderr.write(`atlas-drift: internal error: ${terminal(oneLine(e?.message ?? String(error)))}\n`);
      if (io.env.ATLAS_DRIFT_DEBUG) io.stderr.write(`${e?.stack}\n`);
    }
    return 2;
  }
}

function parseFlags(argv: string[]) {
  // `pnpm drift -- --flag` hands the `--` through; treat it as nothing
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        upstream: { type: 'string', multiple: true },
        baseline: { type: 'string', multiple: true },
        operation: { type: 'string', multiple: true },
        callers: { type: 'string', multiple: true },
        'strict-lifecycle': { type: 'boolean' },
        acknowledged: { type: 'string' },
        'no-acknowledged': { type: 'boolean' },
        now: { type: 'string' },
        format: { type: 'string' },
        timeout: { type: 'string' },
        'max-bytes': { type: 'string' },
        verbose: { type: 'boolean' },
        timings: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new InputError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
}

/** `67108864`, `64M`, `64MiB`, `512k`: bytes, with binary K/M/G multiples. */
function parseBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const m = /^(\d+)\s*(?:([kmg])(?:i?b)?)?$/i.exec(value.trim());
  const n = m ? Number(m[1]) * 1024 ** ({ k: 1, m: 2, g: 3 }[(m[2] ?? '').toLowerCase()] ?? 0) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2 ** 31 - 1) {
    throw new InputError(`--max-bytes must be a size from 1 byte to 2 GiB (e.g. 64M), got ${JSON.stringify(value)}`);
  }
  return n;
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_S;
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0 || s > MAX_TIMEOUT_S) {
    throw new InputError(
      `--timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_S}, got ${JSON.stringify(value)}`,
    );
  }
  return s;
}

/** The call sites of the dead operations under `dirs`, from @atlas-kit/migrate's scanner (loaded only when asked). */
async function scanCallers(dirs: string[]): Promise<Caller[]> {
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new InputError(`--callers ${terminal(dir)}: no such directory`);
  }
  const { scan } = await import('@atlas-kit/migrate');
  const { callers } = await scan(dirs);
  return callers.map(({ file, line, column, operationId }) => ({ file, line, column, operationId }));
}

async function main(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv);
  if (flags.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = flags.format ?? 'text';
  if (!['text', 'json', 'markdown'].includes(format)) {
    throw new InputError(`--format must be text, json or markdown, got ${JSON.stringify(format)}`);
  }
  const now = flags.now === undefined ? requireDay(formatDay(new Date()), 'today') : requireDay(flags.now, '--now');
  const timeoutS = parseTimeout(flags.timeout);
  const maxBytes = parseBytes(flags['max-bytes']);
  for (const name of ['upstream', 'baseline', 'operation', 'callers'] as const) {
    if (flags[name]?.some((v) => v === '')) throw new InputError(`--${name} needs a value`);
  }
  if (flags.acknowledged === '') throw new InputError('--acknowledged needs a value');
  if (flags.acknowledged !== undefined && flags['no-acknowledged']) {
    throw new InputError('--acknowledged and --no-acknowledged exclude each other');
  }

  let acknowledgements: Acknowledgement[] = [];
  let acknowledgementsFile: string | undefined;
  if (!flags['no-acknowledged']) {
    const file = flags.acknowledged ?? DEFAULT_ACKNOWLEDGED;
    if (flags.acknowledged !== undefined || existsSync(file)) {
      acknowledgements = loadAcknowledgements(file);
      acknowledgementsFile = display(file);
    }
  }

  const tb = performance.now();
  const baselines: CheckDocument[] = [];
  let baselineParseMs = 0;
  if (flags.baseline?.length) {
    for (const file of flags.baseline) {
      if (isUrl(file)) throw new InputError(`--baseline must be a file, got the URL ${terminal(file)}`);
      const loaded = await loadDocument(file, { maxBytes });
      baselineParseMs += loaded.parseMs;
      baselines.push({ doc: loaded.doc, source: display(file), refs: { allow: true, root: refRoot(file), maxBytes } });
    }
  } else {
    for (const { file, doc } of defaultBaselines()) baselines.push({ doc, source: display(file) });
  }
  const baselineMs = performance.now() - tb;

  const upstreams: LoadedDocument[] = [];
  for (const source of flags.upstream?.length ? flags.upstream : [DEFAULT_UPSTREAM]) {
    upstreams.push(await loadDocument(source, { timeoutMs: timeoutS * 1000, maxBytes }));
  }

  const callers = flags.callers?.length ? await scanCallers(flags.callers) : undefined;

  const { report, timings: phase } = checkDrift({
    baselines,
    upstreams: upstreams.map((u) => ({ doc: u.doc, source: isUrl(u.source) ? u.source : display(u.source) })),
    now,
    ...(flags.operation?.length ? { operations: flags.operation } : {}),
    strictLifecycle: flags['strict-lifecycle'] === true,
    ...(callers ? { callers } : {}),
    acknowledgements,
    ...(acknowledgementsFile ? { acknowledgementsFile } : {}),
    verbose: flags.verbose === true,
  });

  const tr = performance.now();
  const color = format === 'text' && useColor(io);
  let output: string;
  let timings: Timings | undefined;
  const sum = (f: (u: LoadedDocument) => number) => upstreams.reduce((n, u) => n + f(u), 0);
  const measure = (): Timings => ({
    upstreamReadMs: round(sum((u) => u.readMs)),
    upstreamParseMs: round(sum((u) => u.parseMs)),
    upstreamBytes: sum((u) => u.bytes),
    baselineMs: round(baselineMs),
    parseMs: round(sum((u) => u.parseMs) + baselineParseMs),
    resolveMs: round(phase.resolveMs),
    compareMs: round(phase.compareMs),
    renderMs: round(performance.now() - tr),
    startupMs: round(startupMs ?? 0),
    totalMs: round(performance.now()),
    cpuMs: round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    rssMB: round(process.memoryUsage().rss / 1048576),
    maxRssMB: round(process.resourceUsage().maxRSS / 1024),
  });
  if (format === 'json') {
    if (flags.timings) timings = measure();
    output = `${JSON.stringify({ ...report, ...(timings ? { timings } : {}) }, null, 2)}\n`;
  } else if (format === 'markdown') {
    const { renderMarkdown } = await import('./report/markdown.ts');
    const notice = report.migrationNotice ? await migrationNotice('markdown', now) : undefined;
    // the notice's own `##` heading becomes the summary of a collapsed section
    const [, title, body] = notice ? (/^##\s+(.*)\n([\s\S]*)$/.exec(notice.trim()) ?? []) : [];
    output = renderMarkdown(report, {
      ...(notice ? { notice: body ?? notice, noticeTitle: `Migration notice: ${plainTitle(title)}` } : {}),
    });
  } else {
    const { renderText } = await import('./report/text.ts');
    const notice = report.migrationNotice ? await migrationNotice(color ? 'ansi' : 'text', now) : undefined;
    output = renderText(report, { color, ...(notice ? { notice } : {}) });
  }
  io.stdout.write(output);
  if (flags.timings) {
    const t = timings ?? measure();
    io.stderr.write(
      `atlas-drift timings: total ${t.totalMs} ms since process start | startup ${t.startupMs} ms | read ${t.upstreamReadMs} ms (${(t.upstreamBytes / 1048576).toFixed(1)} MB) | parse ${t.parseMs} ms | baseline read+parse ${t.baselineMs} ms | resolve ${t.resolveMs} ms | compare ${t.compareMs} ms | render ${t.renderMs} ms | cpu ${t.cpuMs} ms | rss ${t.rssMB} MB, peak ${t.maxRssMB} MB\n`,
    );
  }
  return report.breaking ? 1 : 0;
}

/** The notice's Markdown title without its escapes (it goes into an HTML `<summary>`, escaped there). */
const plainTitle = (title: string | undefined) => (title ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Paths under cwd are shown relative (reports travel to PR comments; runner paths are noise). */
function display(source: string): string {
  if (!isAbsolute(source)) return source;
  const rel = relative(process.cwd(), source);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : source;
}

/** Colour only on a terminal; NO_COLOR (any non-empty value) wins, FORCE_COLOR forces it on. */
function useColor(io: Io): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
