import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Acknowledgement, loadAcknowledgements } from './acknowledge.ts';
import { checkDrift } from './check.ts';
import { formatDay, requireDay } from './dates.ts';
import { InputError, oneLine } from './errors.ts';
import { loadDocument } from './load.ts';

/** MongoDB's public combined Atlas Admin API v2 spec. */
export const DEFAULT_UPSTREAM = 'https://raw.githubusercontent.com/mongodb/openapi/main/openapi/v2.yaml';
/** Resolved from this package, never from cwd: `pnpm drift` and the bin must agree wherever they run. */
export const PACKAGE_DIR = resolve(import.meta.dirname, '..');
export const DEFAULT_BASELINE = resolve(PACKAGE_DIR, '../../specs/tenant-download.yaml');
export const DEFAULT_ACKNOWLEDGED = resolve(PACKAGE_DIR, 'acknowledged.yaml');
const DEFAULT_TIMEOUT_S = 30;

export const HELP = `Usage: atlas-drift [options]

Checks the pinned Atlas operation (downloadClusterBackupTenant) against the upstream spec.

Options:
  --upstream <file|url>    upstream OpenAPI 3.x spec, YAML or JSON (default: ${DEFAULT_UPSTREAM})
  --baseline <file>        pinned fragment (default: specs/tenant-download.yaml of this repo)
  --acknowledged <file>    reviewed acknowledgements (default: packages/drift/acknowledged.yaml)
  --no-acknowledged        ignore acknowledgements
  --now <YYYY-MM-DD>       date for lifecycle and expiry checks (default: today, UTC)
  --format <text|json|markdown>  output format (default: text)
  --timeout <seconds>      upstream download timeout (default: ${DEFAULT_TIMEOUT_S})
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
  rssMB: number;
  maxRssMB: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** ms from process start to the first run(): Node boot + loading the .ts modules */
let startupMs: number | undefined;

export async function run(argv: string[], io: Io = process): Promise<number> {
  startupMs ??= performance.now();
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`atlas-drift: error: ${oneLine(error.message)}\n`);
    } else {
      const e = error as Error;
      io.stderr.write(`atlas-drift: internal error: ${oneLine(e?.message ?? String(error))}\n`);
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
      allowNegative: true,
      options: {
        upstream: { type: 'string' },
        baseline: { type: 'string' },
        acknowledged: { type: 'string' },
        now: { type: 'string' },
        format: { type: 'string' },
        timeout: { type: 'string' },
        verbose: { type: 'boolean' },
        timings: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new InputError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
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
  const timeoutS = flags.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(flags.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
    throw new InputError(`--timeout must be a positive number of seconds, got ${JSON.stringify(flags.timeout)}`);
  }
  for (const name of ['upstream', 'baseline', 'acknowledged'] as const) {
    if (flags[name] === '') throw new InputError(`--${name} needs a value`);
  }

  let acknowledgements: Acknowledgement[] = [];
  let acknowledgementsFile: string | undefined;
  const ackFlag = (flags as Record<string, unknown>).acknowledged;
  if (ackFlag !== false) {
    const file = typeof ackFlag === 'string' ? ackFlag : DEFAULT_ACKNOWLEDGED;
    if (typeof ackFlag === 'string' || existsSync(file)) {
      acknowledgements = loadAcknowledgements(file);
      acknowledgementsFile = file;
    }
  }

  const baselineFile = flags.baseline ?? DEFAULT_BASELINE;
  const tb = performance.now();
  const baseline = await loadDocument(baselineFile);
  const baselineMs = performance.now() - tb;
  const upstream = await loadDocument(flags.upstream ?? DEFAULT_UPSTREAM, { timeoutMs: timeoutS * 1000 });

  const { report, timings: phase } = checkDrift({
    baseline: baseline.doc,
    baselineSource: display(baseline.source),
    upstream: upstream.doc,
    upstreamSource: display(upstream.source),
    now,
    acknowledgements,
    ...(acknowledgementsFile ? { acknowledgementsFile } : {}),
    verbose: flags.verbose === true,
  });

  const tr = performance.now();
  const color = format === 'text' && useColor(io);
  const { renderNotice } = await import('@atlas-kit/migration-notice');
  const notice = report.lifecycle.notice
    ? renderNotice({ format: format === 'markdown' ? 'markdown' : color ? 'ansi' : 'text', now })
    : undefined;
  let output: string;
  let timings: Timings | undefined;
  const measure = (): Timings => ({
    upstreamReadMs: round(upstream.readMs),
    upstreamParseMs: round(upstream.parseMs),
    upstreamBytes: upstream.bytes,
    baselineMs: round(baselineMs),
    parseMs: round(upstream.parseMs + baseline.parseMs),
    resolveMs: round(phase.resolveMs),
    compareMs: round(phase.compareMs),
    renderMs: round(performance.now() - tr),
    startupMs: round(startupMs ?? 0),
    totalMs: round(performance.now()),
    rssMB: round(process.memoryUsage().rss / 1048576),
    maxRssMB: round(process.resourceUsage().maxRSS / 1024),
  });
  if (format === 'json') {
    if (flags.timings) timings = measure();
    output = `${JSON.stringify({ ...report, ...(timings ? { timings } : {}) }, null, 2)}\n`;
  } else if (format === 'markdown') {
    const { renderMarkdown } = await import('./report/markdown.ts');
    output = renderMarkdown(report, notice ? { notice } : {});
  } else {
    const { renderText } = await import('./report/text.ts');
    output = renderText(report, { color, ...(notice ? { notice } : {}) });
  }
  io.stdout.write(output);
  if (flags.timings) {
    const t = timings ?? measure();
    io.stderr.write(
      `atlas-drift timings: total ${t.totalMs} ms since process start | startup ${t.startupMs} ms | read ${t.upstreamReadMs} ms (${(t.upstreamBytes / 1048576).toFixed(1)} MB) | parse ${t.parseMs} ms | baseline read+parse ${t.baselineMs} ms | resolve ${t.resolveMs} ms | compare ${t.compareMs} ms | render ${t.renderMs} ms | rss ${t.rssMB} MB, peak ${t.maxRssMB} MB\n`,
    );
  }
  return report.breaking ? 1 : 0;
}

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
