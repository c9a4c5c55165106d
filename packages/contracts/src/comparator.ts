// Bi-directional check: does every interaction of a pact fit the OpenAPI document?
import * as opc from '@pactflow/openapi-pact-comparator';
import type { PactFile } from './pact-file.ts';

export interface ComparatorResult {
  code: string;
  message: string;
  type: 'error' | 'warning' | 'info';
  mockDetails?: {
    interactionDescription?: string | null;
    interactionState?: string | null;
    location: string;
    value: unknown;
  };
  specDetails?: { location: string; pathMethod?: string | null; pathName?: string | null; value: unknown };
}

interface ComparatorApi {
  compare(pact: object): AsyncGenerator<ComparatorResult>;
}

// The package's .d.ts files use extensionless relative imports, so under the repo's NodeNext
// resolution they export nothing (TS2305). Re-type the runtime API it documents instead.
// The constructor takes an options object (its README still shows the document itself, which
// silently yields `request.spec.missing` for every interaction).
const { Comparator } = opc as unknown as { Comparator: new (options: { oas: object }) => ComparatorApi };

export interface SpecComparator {
  /** Every result for a pact (errors, warnings, info); [] when compatible. Throws on a malformed pact. */
  compare(pact: PactFile): Promise<ComparatorResult[]>;
}

/** One comparator per document: its schemas are compiled once and reused for every pact. */
export function createSpecComparator(document: object): SpecComparator {
  // The comparator may annotate the document it is given; keep the caller's object intact.
  const comparator = new Comparator({ oas: structuredClone(document) });
  return {
    async compare(pact) {
      const results: ComparatorResult[] = [];
      for await (const result of comparator.compare(pact)) results.push(result);
      return results;
    },
  };
}

/** `error response.body.incompatible [a 404 …] $.x: must be integer` — one line per result. */
export function formatComparatorResult(r: ComparatorResult): string {
  const where = r.mockDetails?.location ? ` at ${r.mockDetails.location}` : '';
  const who = r.mockDetails?.interactionDescription ? ` [${r.mockDetails.interactionDescription}]` : '';
  return `${r.type} ${r.code}${who}${where}: ${r.message}`;
}
