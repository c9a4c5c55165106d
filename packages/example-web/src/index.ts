export { type AppHandle, type AppOptions, DEMO_TOKEN, type FormValues, mountApp } from './app.ts';
export { type Demo, type DemoOptions, startDemo } from './demo.ts';
export { errorSummary } from './error-summary.ts';
export { type FieldKey, type FieldProblem, type FieldProblems, fieldKeyOf, fieldProblems } from './field-errors.ts';
export { type Labels, labels, localeNames } from './labels.ts';
export { flexSnapshotSeeds, type MockTuning, mockOptionsFor, scenarioHandlers } from './mock-options.ts';
export {
  afterSunset,
  beforeSunset,
  clockFrom,
  type Scenario,
  type ScenarioId,
  scenarioIds,
  scenarios,
} from './scenarios.ts';
export { defaultSnapshotChoice, type SnapshotChoice, type SnapshotSource } from './snapshot-source.ts';
export { sampleValues } from './spec-facts.ts';
export { readUrlOptions, type UrlFallback, type UrlOptions } from './url-options.ts';
