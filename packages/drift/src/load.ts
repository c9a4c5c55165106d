import { InputError } from './errors.ts';
import { DEFAULT_MAX_BYTES } from './limits.ts';
import { type OpenApiDocument, parseOpenApi } from './parse.ts';
import { readBounded } from './read.ts';

export type { OpenApiDocument } from './parse.ts';

export interface LoadedDocument {
  doc: OpenApiDocument;
  /** file path or URL, as given */
  source: string;
  /** ms spent reading/fetching (and decompressing), and parsing */
  readMs: number;
  parseMs: number;
  bytes: number;
}

export function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source);
}

export interface LoadOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

export async function loadDocument(source: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const t0 = performance.now();
  // fetch.ts (and Node's fetch) load only for URLs: module loading is much of a local run
  const fetching = isUrl(source) ? await import('./fetch.ts') : undefined;
  const bytes = fetching
    ? await fetching.fetchBytes(source, { timeoutMs: options.timeoutMs ?? 30_000, maxBytes })
    : readBounded(source, maxBytes);
  const text = decode(bytes, source);
  const t1 = performance.now();
  const shown = fetching ? fetching.displayUrl(source) : source;
  const doc = parseOpenApi(text, shown);
  const t2 = performance.now();
  return { doc, source: shown, readMs: t1 - t0, parseMs: t2 - t1, bytes: bytes.length };
}

/** UTF-8 only (what OpenAPI documents are); a NUL byte means a binary file, not a spec. */
export function decode(bytes: Buffer, source: string): string {
  if (bytes.includes(0)) throw new InputError(`${source} is not a text file (it contains NUL bytes)`);
  return bytes.toString('utf8');
}
