// Provider verification against Prism mocking the merged OpenAPI document (fragments + documented
// behaviour overlay), with request validation (always on in Prism 5) and response validation
// (`--errors`: an answer that breaks the spec becomes a 500). Proves that the contract is
// possible under the spec: a real Atlas that keeps its spec can satisfy every interaction.
import '../../src/env.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pactFilesIn, readPact } from '../../src/pact-file.ts';
import { atlasDocumentPath, pactDir } from '../../src/paths.ts';
import { type PrismServer, startPrism } from '../../src/prism.ts';
import { prismExclusions } from '../../src/prism-exclusions.ts';
import { prismSteering } from '../../src/prism-states.ts';
import { runVerification, type VerificationOutcome } from '../../src/verify.ts';
import { assertInteraction } from './support.ts';

const pactFiles = pactFilesIn(pactDir());
const pacts = pactFiles.map(readPact);
const all = pacts.flatMap((p) => p.interactions.map((i) => i.description));
const verified = all.filter((d) => !prismExclusions.has(d));

describe('provider verification: Prism mocking the spec', () => {
  let prism: PrismServer | undefined;
  let outcome: VerificationOutcome | undefined;
  let copies: string | undefined;
  const steering = prismSteering(pacts);

  beforeAll(async () => {
    if (pactFiles.length === 0) throw new Error(`no pact file in ${pactDir()}; run the consumer step first`);
    // The excluded interactions are cut out of a copy of each pact (named in prism-exclusions.ts).
    const dir = mkdtempSync(join(tmpdir(), 'atlas-kit-prism-pacts-'));
    copies = dir;
    const files = pactFiles.map((file, n) => {
      const pact = pacts[n] as (typeof pacts)[number];
      const kept = { ...pact, interactions: pact.interactions.filter((i) => !prismExclusions.has(i.description)) };
      const copy = join(dir, basename(file));
      writeFileSync(copy, JSON.stringify(kept));
      return copy;
    });
    prism = await startPrism({ document: atlasDocumentPath, errors: true });
    outcome = await runVerification({
      providerBaseUrl: prism.url,
      pactFiles: files,
      stateHandlers: steering.stateHandlers,
      beforeEach: steering.beforeEach,
      requestFilter: steering.requestFilter,
    });
  });
  afterAll(async () => {
    await prism?.stop();
    if (copies) rmSync(copies, { recursive: true, force: true });
  });

  it('excludes only interactions that exist, each with a reason', () => {
    for (const [description, reason] of prismExclusions) {
      expect(all, `excluded interaction "${description}" is not in the pact`).toContain(description);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('ran without steering, state-handler or verifier errors', () => {
    expect([...steering.problems, ...(outcome?.general ?? [])]).toEqual([]);
  });

  it.each(verified)('%s', (description) => {
    try {
      assertInteraction(outcome, description);
    } catch (e) {
      // Prism's own log says why it answered as it did ([VALIDATOR] lines).
      throw new Error(
        `${(e as Error).message}\n--- Prism log (last lines) ---\n${prism?.log().split('\n').slice(-30).join('\n')}`,
      );
    }
  });
});
