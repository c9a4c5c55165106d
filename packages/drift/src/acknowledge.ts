import type { Change } from './change.ts';
import { daysBetween, parseDay } from './dates.ts';
import { InputError } from './errors.ts';
import { MAX_PATTERN_STARS } from './limits.ts';
import { parseText } from './parse.ts';
import { readBounded } from './read.ts';

/**
 * A reviewed, committed acknowledgement of a known change. Only a commit to this file turns a red
 * drift check green again; `expires` (last day it applies, optional) makes the decision revisit itself.
 */
export interface Acknowledgement {
  kind: string;
  /** exact location, or a pattern where `*` matches any run of characters */
  location: string;
  reason: string;
  /** only this operation's changes (its operationId); every operation when absent */
  operation?: string;
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

const KEYS = new Set(['kind', 'location', 'reason', 'operation', 'expires']);
const ACK_FILE_MAX_BYTES = 1024 * 1024;

export function parseAcknowledgements(text: string, source: string): Acknowledgement[] {
  const value = parseText(text, source) as any;
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : value?.acknowledged;
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) throw new InputError(`${source}: expected a list under 'acknowledged:'`);
  return list.map((entry: any, i: number) => {
    const at = `${source}: acknowledged[${i}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new InputError(`${at} is not a mapping`);
    }
    for (const key of Object.keys(entry)) {
      if (!KEYS.has(key)) throw new InputError(`${at}: unknown key '${key}' (allowed: ${[...KEYS].join(', ')})`);
    }
    for (const key of ['kind', 'location', 'reason'] as const) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
        throw new InputError(`${at}: '${key}' is required`);
      }
    }
    if ((entry.location.match(/\*/g) ?? []).length > MAX_PATTERN_STARS) {
      throw new InputError(`${at}: 'location' has more than ${MAX_PATTERN_STARS} '*' wildcards`);
    }
    const ack: Acknowledgement = { kind: entry.kind, location: entry.location, reason: entry.reason.trim() };
    if (entry.operation !== undefined) {
      if (typeof entry.operation !== 'string' || entry.operation === '') {
        throw new InputError(`${at}: 'operation' must be an operationId`);
      }
      ack.operation = entry.operation;
    }
    if (entry.expires !== undefined && entry.expires !== null) {
      const expires = String(entry.expires);
      if (!parseDay(expires)) {
        throw new InputError(`${at}: 'expires' must be YYYY-MM-DD, got ${JSON.stringify(expires)}`);
      }
      ack.expires = expires;
    }
    return ack;
  });
}

export function loadAcknowledgements(file: string): Acknowledgement[] {
  return parseAcknowledgements(readBounded(file, ACK_FILE_MAX_BYTES).toString('utf8'), file);
}

/**
 * `*` matches any run of characters. Hand-written (a dozen lines) instead of a RegExp: `a*a*a*…b`
 * as a regular expression backtracks for tens of seconds on a long location; this greedy matcher,
 * which only ever returns to the last `*`, takes at most pattern × location steps.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

export interface ChangeGroup {
  operationId?: string;
  changes: Change[];
}

/** Marks acknowledged changes in place. An acknowledgement expires after its `expires` day (UTC). */
export function applyAcknowledgements(
  groups: ChangeGroup[],
  acks: Acknowledgement[],
  now: Date,
): AcknowledgementResult {
  const result: AcknowledgementResult = { applied: 0, expired: [], unused: [] };
  for (const ack of acks) {
    const expiresDay = ack.expires ? parseDay(ack.expires) : undefined;
    if (expiresDay && daysBetween(expiresDay, now) > 0) {
      result.expired.push(ack);
      continue;
    }
    let used = false;
    for (const group of groups) {
      if (ack.operation !== undefined && ack.operation !== group.operationId) continue;
      for (const change of group.changes) {
        if (change.kind === ack.kind && !change.acknowledged && globMatch(ack.location, change.location)) {
          change.acknowledged = { reason: ack.reason, ...(ack.expires ? { expires: ack.expires } : {}) };
          used = true;
          result.applied++;
        }
      }
    }
    if (!used) result.unused.push(ack);
  }
  return result;
}
