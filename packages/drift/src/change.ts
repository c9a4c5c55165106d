import { preview } from './digest.ts';
import { isDocOnly, type Kind, messageTemplate, type Severity, severityOf } from './rules.ts';

export type { Kind, Severity } from './rules.ts';

export interface Change {
  severity: Severity;
  /** stable kebab-case id from the rule table (src/rules.ts) */
  kind: Kind;
  location: string;
  message: string;
  /** description/example/code-sample notes: never affect a verdict, shown only with --verbose */
  docOnly?: boolean;
  acknowledged?: { reason: string; expires?: string };
}

/** A value for a message placeholder: text is used as is (already ours or cut), anything else is quoted. */
export type MessageValue = string | number | boolean | undefined | { quote: unknown };

/** Quotes an upstream value for a message, cut to a bounded length (it may be an alias bomb). */
export const quote = (value: unknown): { quote: unknown } => ({ quote: value });

function fill(template: string, values: Record<string, MessageValue>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) return '(none)';
    if (typeof v === 'object') return preview(v.quote);
    const text = String(v);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  });
}

/** Builds a change from the table: the check names the kind and the values, the table gives severity and words. */
export function change(
  kind: Kind,
  location: string,
  values: Record<string, MessageValue> = {},
  options: { escalated?: boolean } = {},
): Change {
  const built: Change = {
    severity: severityOf(kind, options.escalated === true),
    kind,
    location,
    message: fill(messageTemplate(kind), values),
  };
  if (isDocOnly(kind)) built.docOnly = true;
  return built;
}
