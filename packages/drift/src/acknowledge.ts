import type { Change } from './compare.ts';
import { daysBetween, parseDay } from './dates.ts';
import { InputError } from './errors.ts';
import { parseText, readText } from './load.ts';

/**
 * A reviewed, committed acknowledgement of a known change. Only a commit to this file turns a red
 * drift check green again; `expires` (last day it applies, optional) makes the decision revisit itself.
 */
export interface Acknowledgement {
  kind: string;
  /** exact location, or a pattern where `*` matches any run of characters */
  location: string;
  reason: string;
  expires?: string;
}

export interface AcknowledgementResult {
  file?: string;
  applied: number;
  /** past their `expires` day: no longer applied */
  expired: Acknowledgement[];
  /** still valid but matched no change: candidates for removal */
  unused: Acknowledgement[];
}

const KEYS = new Set(['kind', 'location', 'reason', 'expires']);

export function parseAcknowledgements(text: string, source: string): Acknowledgement[] {
  const value = parseText(text, source) as any;
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : value?.acknowledged;
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) throw new InputError(`${source}: expected a list under 'acknowledged:'`);
  return list.map((entry: any, i: number) => {
    const at = `${source}: acknowledged[${i}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new InputError(`${at} is not a mapping`);
    for (const key of Object.keys(entry)) {
      if (!KEYS.has(key)) throw new InputError(`${at}: unknown key '${key}' (allowed: ${[...KEYS].join(', ')})`);
    }
    for (const key of ['kind', 'location', 'reason'] as const) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '')
        throw new InputError(`${at}: '${key}' is required`);
    }
    const ack: Acknowledgement = { kind: entry.kind, location: entry.location, reason: entry.reason.trim() };
    if (entry.expires !== undefined && entry.expires !== null) {
      const expires = String(entry.expires);
      if (!parseDay(expires))
        throw new InputError(`${at}: 'expires' must be YYYY-MM-DD, got ${JSON.stringify(expires)}`);
      ack.expires = expires;
    }
    return ack;
  });
}

export function loadAcknowledgements(file: string): Acknowledgement[] {
  return parseAcknowledgements(readText(file), file);
}

function matcher(pattern: string): (location: string) => boolean {
  if (!pattern.includes('*')) return (location) => location === pattern;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (location) => re.test(location);
}

/** Marks acknowledged changes in place. An acknowledgement expires after its `expires` day (UTC). */
export function applyAcknowledgements(changes: Change[], acks: Acknowledgement[], now: Date): AcknowledgementResult {
  const result: AcknowledgementResult = { applied: 0, expired: [], unused: [] };
  for (const ack of acks) {
    const expiresDay = ack.expires ? parseDay(ack.expires) : undefined;
    if (expiresDay && daysBetween(expiresDay, now) > 0) {
      result.expired.push(ack);
      continue;
    }
    const matches = matcher(ack.location);
    let used = false;
    for (const change of changes) {
      if (change.kind === ack.kind && matches(change.location) && !change.acknowledged) {
        change.acknowledged = { reason: ack.reason, ...(ack.expires ? { expires: ack.expires } : {}) };
        used = true;
        result.applied++;
      }
    }
    if (!used) result.unused.push(ack);
  }
  return result;
}
