export { type AppHandle, type AppOptions, DEMO_TOKEN, type FormValues, mountApp } from './app.ts';
export { type Demo, type DemoOptions, sampleValues, startDemo } from './demo.ts';
export { type FieldKey, type FieldProblem, type FieldProblems, fieldKeyOf, fieldProblems } from './field-errors.ts';
export { type Labels, labels } from './labels.ts';
export { type MockTuning, mockOptionsFor } from './mock-options.ts';
export {
  afterSunset,
  beforeSunset,
  clockFrom,
  type Scenario,
  type ScenarioId,
  scenarioIds,
  scenarios,
} from './scenarios.ts';
