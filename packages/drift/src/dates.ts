import { InputError } from './errors.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → 00:00 UTC of that day; undefined if it is not a real calendar day. */
export function parseDay(day: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? undefined : date;
}

export function requireDay(day: string, what: string): Date {
  const date = parseDay(day);
  if (!date) throw new InputError(`${what} must be a date as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  return date;
}

export const formatDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Whole UTC calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor(to.getTime() / DAY_MS) - Math.floor(from.getTime() / DAY_MS);
}
