// Every scenario in 简体中文: see scenario-checks.ts.
import { describeScenarios } from './scenario-checks.ts';

describeScenarios('zh-CN');
