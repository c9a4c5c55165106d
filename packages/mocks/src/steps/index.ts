// The order in which the mocks answer, as data: msw's model (handlers in order, the first answer
// wins) applied to the checks of one operation. Each step answers with a Reply or passes; the
// first Reply is the answer. test/steps-order.test.ts checks, for every pair of steps, that a
// request failing both gets the earlier step's answer.
//
// Requests no operation matches never reach these steps: msw's matching routes them to the
// catch-all (unmatched.ts: 405 with Allow for a known path, else 404).
import { accept } from './accept.ts';
import { authorization } from './authorization.ts';
import { bodySize } from './body-size.ts';
import { contentType } from './content-type.ts';
import type { AnswerStep } from './context.ts';
import { rateLimit } from './rate-limit.ts';
import { restoreFlow } from './restore-flow.ts';
import { scenario } from './scenario.ts';
import { snapshotListing } from './snapshot-listing.ts';
import { sunset } from './sunset.ts';
import { validation } from './validation.ts';

export { AnswerContext, type AnswerStep, type MockState } from './context.ts';

export const answerSteps: readonly AnswerStep[] = Object.freeze([
  authorization, // 401 credentials
  rateLimit, // 429 the project's bucket for the limit set
  accept, // 406 the Accept version
  sunset, // 410 after x-sunset
  contentType, // 415 the body's media type
  bodySize, // 413 the body's size (reads it)
  validation, // 400 parameters and body against the spec
  scenario, // the selected error, if any
  snapshotListing, // 200 the Flex snapshot listing, or one snapshot (404 for an unknown one)
  restoreFlow, // 200 (or 404 for an unknown job)
]);
