// Bi-directional check: every interaction of every pact must fit the merged OpenAPI document
// (paths, methods, parameters, request and response bodies, statuses, headers), as PactFlow's
// comparator judges it — plus the exact media types and credentials the comparator lets through.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatComparatorResult } from '../../src/comparator.ts';
import { checkMediaTypes } from '../../src/media-types.ts';
import { pactFilesIn, readPact } from '../../src/pact-file.ts';
import { pactDir } from '../../src/paths.ts';
import { checkSecurity } from '../../src/security.ts';
import { comparator } from './support.ts';

const files = pactFilesIn(pactDir());

describe('pacts against the merged OpenAPI document', () => {
  it('has pacts to compare', () => {
    expect(files.length, `no pact file in ${pactDir()}`).toBeGreaterThan(0);
  });

  describe.each(files.map((f) => [basename(f), f] as const))('%s', (_name, file) => {
    const pact = readPact(file);

    it('has no comparator error', async () => {
      const results = await comparator.compare(pact);
      const warnings = results.filter((r) => r.type === 'warning');
      if (warnings.length) console.warn(warnings.map(formatComparatorResult).join('\n'));
      expect(results.filter((r) => r.type === 'error').map(formatComparatorResult)).toEqual([]);
    });

    it('sends and expects exactly the versioned media type of each operation', () => {
      expect(checkMediaTypes(pact)).toEqual([]);
    });

    it('sends credentials of a scheme the spec declares', () => {
      expect(checkSecurity(pact)).toEqual([]);
    });
  });
});
