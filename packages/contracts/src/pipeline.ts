// The contract pipeline: consumer → verify against the mocks → verify against Prism → compare.
// Each step is a separate vitest invocation (one project of vitest.config.ts).
//   `write` (pnpm contracts): one after the other, because every later step reads the pact the
//   consumer step wrote.
//   `check` (CI): the verifications read the committed contracts/, so they run beside the consumer
//   step (two at a time); `compare` then checks the fresh pact against the spec and proves it equal,
//   byte for byte, to contracts/ — so what was verified is what the consumer writes today.
import './env.ts';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareWithCommitted } from './committed.ts';
import { pactFilesIn, readPact } from './pact-file.ts';
import { contractsDir, packageRoot, repoRoot, testResultsDir } from './paths.ts';
import { prismExclusions } from './prism-exclusions.ts';
import { formatSummary, type StepRow } from './summary.ts';

/** `write`: `pnpm contracts` — regenerate contracts/. `check`: CI — compare with contracts/. */
export type PipelineMode = 'write' | 'check';

type StepName = 'consumer' | 'verify-mocks' | 'verify-prism' | 'compare' | 'tooling';

interface StepDef {
  name: StepName;
  title: string;
  proves: string;
  /** Counts interactions of the generated pact (and how many it leaves out). */
  interactions?: (total: number, descriptions: string[]) => { count: number; excluded?: number };
  modes: PipelineMode[];
  /** In `check` mode: reads the committed contracts/ and runs beside the consumer step. */
  checksCommitted?: boolean;
}

const steps: StepDef[] = [
  {
    name: 'consumer',
    title: 'consumer suite: @atlas-kit/client against the Pact mock server',
    proves: 'the client keeps the contract',
    interactions: (total) => ({ count: total }),
    modes: ['write', 'check'],
  },
  {
    name: 'verify-mocks',
    title: 'provider verification against @atlas-kit/mocks (msw served on 127.0.0.1)',
    proves: 'the mocks honour it',
    interactions: (total) => ({ count: total }),
    modes: ['write', 'check'],
    checksCommitted: true,
  },
  {
    name: 'verify-prism',
    title: 'provider verification against Prism mocking the merged OpenAPI document',
    proves: 'the spec allows it',
    interactions: (total, descriptions) => {
      const excluded = descriptions.filter((d) => prismExclusions.has(d)).length;
      return { count: total - excluded, excluded };
    },
    modes: ['write', 'check'],
    checksCommitted: true,
  },
  {
    name: 'compare',
    title: 'bi-directional comparison with the OpenAPI document, secrets, committed contracts',
    proves: 'pact fits the spec',
    interactions: (total) => ({ count: total }),
    modes: ['write', 'check'],
  },
  {
    name: 'tooling',
    title: 'unit tests of the pipeline itself (scanner, checks, summary, publish)',
    proves: 'the checks can fail',
    modes: ['check'],
    checksCommitted: true,
  },
];

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numTotalTests?: number;
  success?: boolean;
}

const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

function childEnv(pactDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ATLAS_PACT_DIR: pactDir,
    PACT_DO_NOT_TRACK: 'true',
    DO_NOT_TRACK: '1',
  };
  // Publishing settings must not reach the verifier (it would fetch pacts from that broker).
  for (const name of Object.keys(env)) if (name.startsWith('PACT_BROKER_')) delete env[name];
  // pact-js's proxy (http-proxy) triggers Node's util._extend deprecation warning on every run.
  env.NODE_OPTIONS = [env.NODE_OPTIONS, '--disable-warning=DEP0060'].filter(Boolean).join(' ');
  return env;
}

async function runVitest(
  project: StepName,
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number; report?: VitestReport }> {
  const reportFile = join(testResultsDir, `${project}.json`);
  const args = [
    vitestBin,
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ];
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: packageRoot, env, stdio: 'inherit' });
    child.once('error', () => resolve(127));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  try {
    return { exitCode, report: JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport };
  } catch {
    return { exitCode };
  }
}

/** Copies the generated pacts into contracts/ and removes committed pacts that are no longer generated. */
function writeContracts(generatedDir: string, log: (line: string) => void): void {
  const drift = compareWithCommitted(generatedDir, contractsDir);
  mkdirSync(contractsDir, { recursive: true });
  for (const file of pactFilesIn(contractsDir)) {
    if (!pactFilesIn(generatedDir).some((g) => basename(g) === basename(file))) rmSync(file);
  }
  for (const file of pactFilesIn(generatedDir)) copyFileSync(file, join(contractsDir, basename(file)));
  const where = relative(repoRoot, contractsDir);
  if (drift.length === 0) log(`  ${where}/ is unchanged.`);
  else for (const d of drift) log(`  updated ${d.file} (${d.problem.split(';')[0]}) — commit it.`);
}

export interface PipelineResult {
  rows: StepRow[];
  ok: boolean;
}

export async function runPipeline(
  mode: PipelineMode,
  log: (line: string) => void = console.log,
): Promise<PipelineResult> {
  const selected = steps.filter((s) => s.modes.includes(mode));
  const pactDir = mkdtempSync(join(tmpdir(), 'atlas-kit-pacts-'));
  // Stale reports would be summed by CI as if this run had produced them.
  rmSync(testResultsDir, { recursive: true, force: true });
  mkdirSync(testResultsDir, { recursive: true });
  const env = childEnv(pactDir);
  const committedEnv = childEnv(contractsDir);
  const rows = new Map<StepName, StepRow>();
  let consumerOk = false;

  const skip = (step: StepDef) => {
    log(`\n▶ ${step.name}: skipped — the consumer step failed, so there is no complete pact to check.`);
    rows.set(step.name, {
      step: step.name,
      proves: step.proves,
      interactions: null,
      passed: null,
      failed: null,
      durationMs: 0,
      status: 'skipped',
    });
  };

  /** In `check` mode, a step that reads the committed contracts/ rather than a fresh pact. */
  const readsCommitted = (step: StepDef) => mode === 'check' && step.checksCommitted === true;

  const runStep = async (step: StepDef, index: number) => {
    const committed = readsCommitted(step);
    const dir = committed ? contractsDir : pactDir;
    log(
      `\n▶ [${index + 1}/${selected.length}] ${step.name}: ${step.title}${committed ? ' (committed contracts/)' : ''}`,
    );
    const started = performance.now();
    const { exitCode, report } = await runVitest(step.name, committed ? committedEnv : env);
    const durationMs = performance.now() - started;
    const ok = exitCode === 0 && report?.success !== false;
    let interactions: number | null = null;
    let excluded: number | undefined;
    if (step.interactions) {
      const descriptions = pactFilesIn(dir).flatMap((f) => readPact(f).interactions.map((i) => i.description));
      const counted = step.interactions(descriptions.length, descriptions);
      interactions = counted.count;
      if (counted.excluded) excluded = counted.excluded;
    }
    rows.set(step.name, {
      step: step.name,
      proves: step.proves,
      interactions,
      ...(excluded ? { excluded } : {}),
      passed: report?.numPassedTests ?? null,
      failed: report ? (report.numFailedTests ?? 0) : null,
      durationMs,
      status: ok ? 'passed' : 'failed',
    });
    log(
      ok
        ? `  ✔ ${step.name} passed in ${(durationMs / 1000).toFixed(1)} s`
        : `  ✘ ${step.name} failed (exit code ${exitCode}${report ? `, ${report.numFailedTests ?? 0} failed test(s)` : ', no report'})`,
    );
    if (step.name === 'consumer') {
      consumerOk = ok && pactFilesIn(pactDir).length > 0;
      if (ok && !consumerOk) log('  ✘ the consumer suite passed but wrote no pact file');
      if (consumerOk && mode === 'write') writeContracts(pactDir, log);
    }
  };

  // Steps that need no fresh pact run first, two at a time (the machines have two cores); the
  // others wait for the consumer step, in order.
  const early = selected.filter((s) => s.name === 'consumer' || readsCommitted(s));
  const late = selected.filter((s) => !early.includes(s));
  const queue = [...early];
  await Promise.all(
    [0, 1].map(async () => {
      for (let step = queue.shift(); step; step = queue.shift()) await runStep(step, selected.indexOf(step));
    }),
  );
  for (const step of late) {
    if (!consumerOk) skip(step);
    else await runStep(step, selected.indexOf(step));
  }

  const ordered = selected.map((s) => rows.get(s.name)).filter((r): r is StepRow => r !== undefined);
  const ok = ordered.every((r) => r.status === 'passed');
  log(`\nContract summary (${mode === 'write' ? 'pnpm contracts' : 'check against the committed contracts/'})\n`);
  log(formatSummary(ordered));
  if (prismExclusions.size && ordered.some((r) => r.step === 'verify-prism' && r.status !== 'skipped')) {
    log('\nExcluded from the Prism verification (documented in src/prism-exclusions.ts):');
    for (const [description, reason] of prismExclusions) log(`  - "${description}": ${reason}`);
  }
  log(`\nvitest reports: ${relative(repoRoot, testResultsDir)}/<step>.json`);
  if (ok) {
    rmSync(pactDir, { recursive: true, force: true });
    log('\n✔ All contract steps passed.');
  } else {
    const failed = ordered.filter((r) => r.status !== 'passed').map((r) => `${r.step} (${r.status})`);
    log(`\n✘ Contract pipeline failed: ${failed.join(', ')}. The output of each failed step is above.`);
    log(`  The generated pact is kept for inspection in ${pactDir}`);
    if (mode === 'check') log('  If the contract changed on purpose, run `pnpm contracts` and commit contracts/.');
  }
  return { rows: ordered, ok };
}
