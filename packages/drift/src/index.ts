export {
  type Acknowledgement,
  type AcknowledgementResult,
  applyAcknowledgements,
  globMatch,
  loadAcknowledgements,
  parseAcknowledgements,
} from './acknowledge.ts';
export { type Change, change } from './change.ts';
export {
  type Caller,
  type CheckDocument,
  type CheckInput,
  type CheckResult,
  checkDrift,
  type DriftReport,
  type LifecycleReport,
  type OperationReport,
  type Verdict,
} from './check.ts';
export { DEFAULT_ACKNOWLEDGED, DEFAULT_UPSTREAM, run } from './cli.ts';
export { compareOperations } from './compare.ts';
export { InputError } from './errors.ts';
export { defaultBaselines, lifecycleFacts } from './facts.ts';
export { displayUrl, fetchBytes } from './fetch.ts';
export * as limits from './limits.ts';
export { type LoadedDocument, loadDocument } from './load.ts';
export { listOperations, locateOperation, routeKey } from './locate.ts';
export type { OperationModel, SchemaNode } from './model.ts';
export { type OpenApiDocument, parseOpenApi } from './parse.ts';
export { COMMENT_MARKER, renderMarkdown } from './report/markdown.ts';
export { renderText } from './report/text.ts';
export { type ExternalRefs, Resolver } from './resolve.ts';
export { type Kind, OPERATION_RULES, type RuleRow, ruleRows, SCHEMA_RULES, type Severity } from './rules.ts';
