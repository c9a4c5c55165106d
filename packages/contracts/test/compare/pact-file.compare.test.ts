// The pact file itself: free of secrets, free of run-dependent content, and identical to the
// committed contracts/ (CI regenerates it and fails on any difference).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithCommitted, REGENERATE_HINT } from '../../src/committed.ts';
import { pactFilesIn, pactHeader, readPact } from '../../src/pact-file.ts';
import { contractsDir, pactDir } from '../../src/paths.ts';
import { AUTHORIZATION_PATTERN, DUMMY_AUTHORIZATION, scanForSecrets } from '../../src/secrets.ts';
import { CLIENT_TOKEN } from '../consumer/support.ts';

const files = pactFilesIn(pactDir());

describe.each(files.map((f) => [basename(f), f]))('%s', (_name, file) => {
  const text = readFileSync(file as string, 'utf8');
  const pact = readPact(file as string);

  it("holds neither the client's real token nor anything token-like", () => {
    expect(scanForSecrets(text, [CLIENT_TOKEN])).toEqual([]);
  });

  it('records Authorization only as a pattern with a dummy example', () => {
    for (const i of pact.interactions) {
      expect(pactHeader(i.request.headers, 'Authorization'), i.description).toBe(DUMMY_AUTHORIZATION);
      const rules = (i.request as { matchingRules?: any }).matchingRules?.header?.Authorization?.matchers;
      expect(rules, i.description).toEqual([{ match: 'regex', regex: AUTHORIZATION_PATTERN }]);
    }
  });

  it('holds nothing that changes from run to run', () => {
    // Pact V4 writes these keys only: no timestamps, no generated interaction ids.
    expect(Object.keys(pact.metadata).sort()).toEqual(['pact-js', 'pactRust', 'pactSpecification']);
    for (const i of pact.interactions) {
      expect(Object.keys(i).sort(), i.description).toEqual([
        'description',
        'pending',
        'providerStates',
        'request',
        'response',
        'type',
      ]);
    }
    const descriptions = pact.interactions.map((i) => i.description);
    expect(descriptions).toEqual([...descriptions].sort());
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});

describe('committed contracts', () => {
  it('contracts/ holds exactly the pacts the consumer suite generates now, byte for byte', () => {
    if (pactDir() === contractsDir) {
      throw new Error(
        'ATLAS_PACT_DIR is not set, so there is no freshly generated pact to compare: run `pnpm --filter @atlas-kit/contracts test`',
      );
    }
    expect(files.length, `no pact was generated in ${pactDir()}`).toBeGreaterThan(0);
    const drift = compareWithCommitted(pactDir(), contractsDir);
    if (drift.length) {
      throw new Error(
        `The committed contracts are out of date. ${REGENERATE_HINT}\n${drift.map((d) => `  ${d.file} ${d.problem}`).join('\n')}`,
      );
    }
  });
});
