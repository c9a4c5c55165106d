import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const CONSUMER = 'atlas-kit-client';
export const PROVIDER = 'atlas-admin-api';
/** Pact names the file after the pair; there is no option to change it. */
export const PACT_FILE_NAME = `${CONSUMER}-${PROVIDER}.json`;

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
/** The committed contracts (what CI compares with and what `contracts:publish` sends). */
export const contractsDir = fileURLToPath(new URL('../../../contracts', import.meta.url));
/** Where the vitest JSON reports go; CI sums every .json there. */
export const testResultsDir = fileURLToPath(new URL('../.test-results', import.meta.url));
export const brokenPactDir = fileURLToPath(new URL('../test/fixtures/broken-pact', import.meta.url));

/** The merged document (fragments + documented-behaviour overlay) that Prism mocks. */
// createRequire rather than import.meta.resolve: vitest's module runner does not support the latter.
export const atlasDocumentPath = createRequire(import.meta.url).resolve('@atlas-kit/openapi/documents/atlas-kit.json');

/**
 * Where the consumer step writes and the later steps read. The pipeline (scripts/contracts.ts)
 * always sets it to a fresh temporary directory, because Pact merges into an existing file and
 * never deletes an interaction; without it the steps read the committed contracts.
 */
export function pactDir(): string {
  return process.env.ATLAS_PACT_DIR || contractsDir;
}

/** Where the consumer step writes: the pipeline's directory, else .test-results/pacts (run alone). */
export function consumerPactDir(): string {
  return process.env.ATLAS_PACT_DIR || fileURLToPath(new URL('../.test-results/pacts', import.meta.url));
}
