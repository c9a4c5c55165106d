// What every bench of the workspace reports: medians (a load spike moves one sample, not the median)
// and the load of the shared machine, without which a figure means little. Verdicts are taken on
// medians of paired measurements, never on one run.
import { availableParallelism, loadavg } from 'node:os';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The 1, 5 and 15 minute load averages and the CPU count, e.g. `2.41 2.80 2.95 on 2 CPUs`. */
export const loadAverage = (): string =>
  `${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} CPUs`;

/** A number from the environment, or the default; anything else stops the bench with one line. */
export function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(`${name} must be a number ≥ ${min}, got ${JSON.stringify(raw.slice(0, 40))}`);
    process.exit(2);
  }
  return value;
}
