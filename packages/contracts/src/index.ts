// @atlas-kit/contracts: the pipeline and the checks it is built from, for scripts and other tools.
export { type ContractDrift, compareWithCommitted, REGENERATE_HINT } from './committed.ts';
export {
  type ComparatorResult,
  createSpecComparator,
  formatComparatorResult,
  type SpecComparator,
} from './comparator.ts';
export { checkMediaTypes, type MediaTypeProblem, operationOf } from './media-types.ts';
export { type PactFile, type PactInteraction, pactFilesIn, parsePact, providerStates, readPact } from './pact-file.ts';
export { CONSUMER, contractsDir, PACT_FILE_NAME, PROVIDER } from './paths.ts';
export { type PipelineMode, type PipelineResult, runPipeline } from './pipeline.ts';
export { type PrismOptions, type PrismServer, startPrism } from './prism.ts';
export { prismExclusions } from './prism-exclusions.ts';
export { type GitFacts, PUBLISH_EXIT, type PublishPlan, planPublish } from './publish.ts';
export { AUTHORIZATION_PATTERN, DUMMY_AUTHORIZATION, type SecretFinding, scanForSecrets } from './secrets.ts';
export { checkSecurity, type SecurityProblem } from './security.ts';
export { type StateName, states } from './states.ts';
export { formatSummary, type StepRow } from './summary.ts';
