// Every scenario in English: see scenario-checks.ts.
import { describeScenarios } from './scenario-checks.ts';

describeScenarios('en');
