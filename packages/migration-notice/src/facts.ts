// The public facts: the generated ones (from specs/) plus the few that no spec states.
import { deprecationEvidenceDay, formerOperationIds } from './facts-not-in-specs.ts';
import { facts } from './generated/facts.ts';

const { description: _description, ...deprecatedFacts } = facts.deprecatedOperation;

/** The deprecated operation, downloadClusterBackupTenant, as the pinned fragment describes it. */
export const deprecatedOperation = {
  ...deprecatedFacts,
  formerOperationIds,
} as const;

/** downloadFlexBackup, read from the flex fragment; docsUrl is the link upstream gives users of the deprecated operation. */
export const replacementOperation = facts.replacementOperation;

/** The restore-job polls: the tenant one that goes with the deprecated download, the flex one that replaces it. */
export const restoreJobPolls = facts.restoreJobPolls;

/** The deprecated operation's description as the fragment has it (names the affected tiers and the sunset). */
export const deprecatedOperationDescription: string = facts.deprecatedOperation.description;

export type DeprecatedOperation = typeof deprecatedOperation;
export type ReplacementOperation = typeof replacementOperation;
export type RestoreJobPoll = (typeof restoreJobPolls)[keyof typeof restoreJobPolls];

/** `YYYY-MM-DD` → the Date at 00:00:00 UTC of that day. */
export function utcDay(day: string): Date {
  const date = new Date(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) {
    throw new TypeError(`Expected a day as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return date;
}

/** UTC midnight at the start of the x-sunset day: from then on the operation counts as sunset. */
export const sunsetDate: Date = utcDay(deprecatedOperation.sunset);

/** The default date of the `Deprecation` header; see facts-not-in-specs.ts for why this day. */
export const deprecationDate: Date = utcDay(deprecationEvidenceDay);
