import { createRequire } from 'node:module';
import { CORE_SCHEMA, load as loadYaml, type YAMLException } from 'js-yaml';
import type * as Jsonc from 'jsonc-parser';
import { InputError } from './errors.ts';

export type OpenApiDocument = Record<string, any> & { openapi: string };

const require = createRequire(import.meta.url);

/**
 * Parses YAML or JSON, always the whole document: whatever js-yaml 4 (core schema) or JSON.parse
 * rejects anywhere in the text is an InputError (exit 2, one line), never a pass. A leading UTF-8
 * BOM is dropped for both. JSON gets the rule YAML already has: a duplicated key is an error, not a
 * silent "last one wins" (JSON.parse cannot tell, so jsonc-parser's scanner checks the keys; it is
 * loaded only when a JSON document is read). js-yaml 4 was chosen by measurement (README
 * "Performance"); CORE_SCHEMA keeps `x-sunset: YYYY-MM-DD` a string and has no `<<` merge keys.
 * Aliases stay shared references (see digest.ts for why nothing downstream expands them).
 */
export function parseText(raw: string, source: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`bad JSON in ${source}: ${(error as Error).message}`);
    }
    rejectDuplicateKeys(text, source);
    return value;
  }
  try {
    return loadYaml(text, { schema: CORE_SCHEMA, filename: source });
  } catch (error) {
    const e = error as YAMLException;
    const where = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
    throw new InputError(`bad YAML in ${source}: ${e.reason ?? e.message}${where}`);
  }
}

function rejectDuplicateKeys(text: string, source: string): void {
  const { visit } = require('jsonc-parser') as typeof Jsonc;
  const open: Array<Set<string>> = [];
  let duplicate: { key: string; line: number; column: number } | undefined;
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (key, _offset, _length, line, column) => {
      const keys = open[open.length - 1];
      if (!keys || duplicate) return;
      if (keys.has(key)) duplicate = { key, line: line + 1, column: column + 1 };
      keys.add(key);
    },
  });
  if (duplicate) {
    throw new InputError(
      `bad JSON in ${source}: duplicated key ${JSON.stringify(duplicate.key).slice(0, 80)} at line ${duplicate.line}, column ${duplicate.column}`,
    );
  }
}

/** `3.0.3`, `3.1.0` (a pre-release suffix allowed); anchored, so `"3.0.1; rm -rf /"` is not a version. */
const OPENAPI_VERSION = /^3\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export function parseOpenApi(text: string, source: string): OpenApiDocument {
  const value = parseText(text, source);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`${source} is not an OpenAPI 3.x document (not a YAML/JSON object)`);
  }
  const doc = value as Record<string, any>;
  if (typeof doc.openapi !== 'string' || !OPENAPI_VERSION.test(doc.openapi)) {
    const what = doc.swagger
      ? `Swagger ${String(doc.swagger).slice(0, 20)}`
      : doc.openapi !== undefined
        ? `'openapi' is ${JSON.stringify(doc.openapi)?.slice(0, 40)}, not a 3.x.y version`
        : "no 'openapi' field";
    throw new InputError(`${source} is not an OpenAPI 3.x document (${what})`);
  }
  const paths = doc.paths;
  if (paths !== undefined && (paths === null || typeof paths !== 'object' || Array.isArray(paths))) {
    throw new InputError(`${source} is not an OpenAPI 3.x document ('paths' is not a mapping)`);
  }
  return doc as OpenApiDocument;
}
