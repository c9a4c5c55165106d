export {
  type Acknowledgement,
  type AcknowledgementResult,
  applyAcknowledgements,
  loadAcknowledgements,
  parseAcknowledgements,
} from './acknowledge.ts';
export { type CheckInput, type CheckResult, checkDrift, type DriftReport, type LifecycleReport } from './check.ts';
export { DEFAULT_ACKNOWLEDGED, DEFAULT_BASELINE, DEFAULT_UPSTREAM, run } from './cli.ts';
export { type Change, compareOperations, type Severity } from './compare.ts';
export { InputError } from './errors.ts';
export { fetchText } from './fetch.ts';
export { type LoadedDocument, loadDocument, type OpenApiDocument, parseOpenApi } from './load.ts';
export { locateOperation, routeKey } from './locate.ts';
export type { OperationModel, SchemaNode } from './model.ts';
export { renderMarkdown } from './report/markdown.ts';
export { renderText } from './report/text.ts';
export { Resolver } from './resolve.ts';
