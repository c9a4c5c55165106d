// The few parts of a Pact V4 file that the checks read. Pact writes more; we never rewrite it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PactHeaders {
  [name: string]: string | string[];
}
export interface PactInteraction {
  type: string;
  description: string;
  providerStates?: { name: string; params?: Record<string, unknown> }[];
  request: { method: string; path: string; headers?: PactHeaders; body?: { content?: unknown } };
  response: { status: number; headers?: PactHeaders; body?: { content?: unknown } };
  [key: string]: unknown;
}
export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata: Record<string, unknown>;
}

/** Parses a pact and checks the parts every step relies on, with a message that names the file. */
export function parsePact(text: string, file: string): PactFile {
  let pact: PactFile;
  try {
    pact = JSON.parse(text) as PactFile;
  } catch (e) {
    throw new Error(`${file} is not JSON: ${(e as Error).message}`);
  }
  if (!pact || !Array.isArray(pact.interactions) || !pact.consumer?.name || !pact.provider?.name) {
    throw new Error(`${file} is not a pact file (consumer, provider and interactions are required)`);
  }
  return pact;
}

export function readPact(file: string): PactFile {
  return parsePact(readFileSync(file, 'utf8'), file);
}

/** The pact files of a directory, sorted (the order of the checks and the summary stays stable). */
export function pactFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(dir, n));
}

/** A header of a pact request/response, case-insensitively; arrays (several values) are joined. */
export function pactHeader(headers: PactHeaders | undefined, name: string): string | undefined {
  const found = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
  if (!found) return undefined;
  return Array.isArray(found[1]) ? found[1].join(', ') : found[1];
}

/** Provider-state names of a pact, each once, in file order. */
export function providerStates(pact: PactFile): string[] {
  return [...new Set(pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)))];
}
