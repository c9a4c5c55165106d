import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load as loadYaml, type YAMLException } from 'js-yaml';
import { InputError } from './errors.ts';

export type OpenApiDocument = Record<string, any> & { openapi: string };

export interface LoadedDocument {
  doc: OpenApiDocument;
  /** file path or URL, as given */
  source: string;
  /** ms spent reading/fetching, and parsing */
  readMs: number;
  parseMs: number;
  bytes: number;
}

export function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

export interface LoadOptions {
  timeoutMs?: number;
}

export async function loadDocument(source: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const t0 = performance.now();
  // fetch.ts (and Node's fetch) load only for URLs: module loading dominates a local run
  const text = isUrl(source)
    ? await (await import('./fetch.ts')).fetchText(source, options.timeoutMs ?? 30_000)
    : readText(source);
  const t1 = performance.now();
  const doc = parseOpenApi(text, source);
  const t2 = performance.now();
  return { doc, source, readMs: t1 - t0, parseMs: t2 - t1, bytes: Buffer.byteLength(text) };
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new InputError(`cannot read ${file}: ${why}`);
  }
}

/**
 * Parses YAML or JSON, always the whole document. Guarantee: the result is exactly js-yaml 4's
 * `load(text, { schema: CORE_SCHEMA })` of the entire text (`JSON.parse` when it starts with `{` or
 * `[`), and whatever they reject — anywhere in the file, however far from the operation the check
 * reads — is an InputError (exit 2, one line). A lazy parser that parsed only the ~20 blocks the
 * check reads was faster but let errors elsewhere pass with exit 0; it was removed, and the full
 * parse keeps the whole process inside its 0.6 s budget (README "Performance", `bench`).
 * js-yaml 4 was chosen by measurement (`bench -- --parsers`): faster than `yaml` 2.9.1 and js-yaml 5.
 * CORE_SCHEMA (YAML 1.2 core) keeps unquoted dates such as `x-sunset: YYYY-MM-DD` as strings,
 * where js-yaml's default schema would turn them into Date objects.
 */
export function parseText(text: string, source: string): unknown {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new InputError(`bad JSON in ${source}: ${(error as Error).message}`);
    }
  }
  try {
    return loadYaml(text, { schema: CORE_SCHEMA, filename: source });
  } catch (error) {
    const e = error as YAMLException;
    const where = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
    throw new InputError(`bad YAML in ${source}: ${e.reason ?? e.message}${where}`);
  }
}

export function parseOpenApi(text: string, source: string): OpenApiDocument {
  const value = parseText(text, source);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`${source} is not an OpenAPI 3.x document (not a YAML/JSON object)`);
  }
  const doc = value as Record<string, any>;
  if (typeof doc.openapi !== 'string' || !/^3\.\d+/.test(doc.openapi)) {
    const what = doc.swagger ? `Swagger ${doc.swagger}` : doc.openapi ? `openapi ${doc.openapi}` : "no 'openapi' field";
    throw new InputError(`${source} is not an OpenAPI 3.x document (${what})`);
  }
  if (doc.paths !== undefined && (doc.paths === null || typeof doc.paths !== 'object')) {
    throw new InputError(`${source} is not an OpenAPI 3.x document ('paths' is not an object)`);
  }
  return doc as OpenApiDocument;
}
