// A scenario comes from JavaScript at run time — a Pact state handler feeds it JSON — so the
// types do not protect it: every value is checked here, and a bad one is a TypeError naming its
// key (`scenario.downloadFlexBackup.retryAfter …`), never a bad header, a silent change or a
// failure at request time. What passes is copied, so later changes to the caller's object do not
// leak in.
import { checkLatency } from './limits.ts';
import { atlasOperationIds, operationSpecs } from './spec.ts';
import type { AtlasScenario } from './types.ts';

const topKeys = new Set<string>([...atlasOperationIds, 'restoreOutcome', 'latencyMs']);
const entryKeys = ['status', 'errorCode', 'detail', 'retryAfter', 'fields'];

const show = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** `.key` for a plain name, `["…"]` (escaped, shortened) for anything else a hostile object may hold. */
const keyPath = (key: string): string => (/^\w{1,40}$/.test(key) ? `.${key}` : `[${show(key)}]`);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkFields(value: unknown, where: string): { field: string; description: string }[] {
  if (!Array.isArray(value))
    throw new TypeError(`${where} must be an array of {field, description}, got ${show(value)}`);
  return value.map((item, i) => {
    if (!isPlainObject(item) || typeof item.field !== 'string' || typeof item.description !== 'string') {
      throw new TypeError(`${where}[${i}] must be {field: string, description: string}, got ${show(item)}`);
    }
    return { field: item.field, description: item.description };
  });
}

function checkEntry(id: (typeof atlasOperationIds)[number], value: unknown): Record<string, unknown> {
  const where = `scenario.${id}`;
  if (!isPlainObject(value))
    throw new TypeError(`${where} must be an object such as {status: 404}, got ${show(value)}`);
  for (const key of Object.keys(value)) {
    if (!entryKeys.includes(key)) {
      throw new TypeError(`${where}${keyPath(key)} is unknown; use one of ${entryKeys.join(', ')}`);
    }
  }
  const { statuses } = operationSpecs[id];
  const { status, errorCode, detail, retryAfter, fields } = value;
  if (typeof status !== 'number' || !statuses.includes(status)) {
    throw new TypeError(`${where}.status must be one of ${statuses.join(', ')} (documented), got ${show(status)}`);
  }
  const out: Record<string, unknown> = { status };
  const only = (key: string, allowed: boolean, what: string) => {
    if (!allowed) throw new TypeError(`${where}.${key} is only for ${what}, got it with status ${status}`);
  };
  if (errorCode !== undefined) {
    only('errorCode', status !== 200, 'error statuses');
    if (typeof errorCode !== 'string' || errorCode === '') {
      throw new TypeError(`${where}.errorCode must be a non-empty string, got ${show(errorCode)}`);
    }
    out.errorCode = errorCode;
  }
  if (detail !== undefined) {
    only('detail', status !== 200, 'error statuses');
    if (typeof detail !== 'string') throw new TypeError(`${where}.detail must be a string, got ${show(detail)}`);
    out.detail = detail;
  }
  if (retryAfter !== undefined) {
    only('retryAfter', status === 429, 'status 429');
    // Retry-After is delay-seconds (RFC 9110 §10.2.3): a whole number >= 0.
    if (!Number.isSafeInteger(retryAfter) || (retryAfter as number) < 0) {
      throw new TypeError(`${where}.retryAfter must be a whole number of seconds >= 0, got ${show(retryAfter)}`);
    }
    out.retryAfter = retryAfter;
  }
  if (fields !== undefined) {
    only('fields', status === 400, 'status 400');
    out.fields = checkFields(fields, `${where}.fields`);
  }
  return out;
}

/** The scenario as the mock keeps it; a TypeError naming the key for anything wrong. */
export function checkScenario(input: unknown): AtlasScenario {
  if (!isPlainObject(input)) throw new TypeError(`scenario must be an object, got ${show(input)}`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!topKeys.has(key)) {
      throw new TypeError(`scenario${keyPath(key)} is unknown; use one of ${[...topKeys].join(', ')}`);
    }
    if (key === 'restoreOutcome') {
      if (value !== 'COMPLETED' && value !== 'FAILED') {
        throw new TypeError(`scenario.restoreOutcome must be 'COMPLETED' or 'FAILED', got ${show(value)}`);
      }
      out[key] = value;
    } else if (key === 'latencyMs') {
      out[key] = checkLatency(value, 'scenario.latencyMs');
    } else {
      out[key] = checkEntry(key as (typeof atlasOperationIds)[number], value);
    }
  }
  return out as AtlasScenario;
}
