// The summary table printed at the end of `pnpm contracts` / the package's test script.

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepRow {
  step: string;
  /** What a pass of the step proves, in a few words. */
  proves: string;
  /** Interactions the step looked at; null when the step is not about interactions. */
  interactions: number | null;
  /** Interactions deliberately left out of the step (Prism). */
  excluded?: number;
  passed: number | null;
  failed: number | null;
  durationMs: number;
  status: StepStatus;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const mark: Record<StepStatus, string> = { passed: 'ok', failed: 'FAILED', skipped: 'skipped' };

/** A plain-text table (no colours: it must read the same in a CI log and in a terminal). */
export function formatSummary(rows: StepRow[]): string {
  const header = ['step', 'proves', 'interactions', 'passed', 'failed', 'time', 'result'];
  const body = rows.map((r) => [
    r.step,
    r.proves,
    r.interactions === null ? '-' : r.excluded ? `${r.interactions} (+${r.excluded} excluded)` : String(r.interactions),
    r.passed === null ? '-' : String(r.passed),
    r.failed === null ? '-' : String(r.failed),
    r.status === 'skipped' ? '-' : seconds(r.durationMs),
    mark[r.status],
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const total = rows.reduce((sum, r) => sum + (r.status === 'skipped' ? 0 : r.durationMs), 0);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    line(widths.map((w) => '-'.repeat(w))),
    `total ${seconds(total)}`,
  ].join('\n');
}
