import { readPact } from '../../src/pact-file.ts';
import type { VerificationOutcome } from '../../src/verify.ts';

/** Interaction descriptions of a set of pact files, in file order. */
export function descriptionsOf(files: string[]): string[] {
  return files.flatMap((f) => readPact(f).interactions.map((i) => i.description));
}

/** Fails with what the verifier said about one interaction (or that it never ran it). */
export function assertInteraction(outcome: VerificationOutcome | undefined, description: string): void {
  if (!outcome) throw new Error('the verification did not run (see the error of beforeAll)');
  const result = outcome.byDescription.get(description);
  if (!result) {
    const why = outcome.general.length ? `:\n  ${outcome.general.join('\n  ')}` : '';
    throw new Error(`the verifier reported nothing for "${description}"${why}`);
  }
  if (!result.ok) throw new Error(`"${description}" failed verification:\n  ${result.problems.join('\n  ')}`);
}
