// What every client bench prints beside its figures: medians and the machine's load. The machine
// is shared (2 cores, other jobs), so a figure means little without the load it was taken under,
// and the verdicts are taken on medians of paired measurements, never on one run.
import { availableParallelism, loadavg } from 'node:os';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/** `1.23 0.98 0.75 on 2 CPUs`: the 1, 5 and 15 minute load averages. */
export function load(): string {
  return `${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} CPUs`;
}

/** A positive number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new TypeError(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}
