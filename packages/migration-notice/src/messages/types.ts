// What a translation provides. Sentences are built from segments so that each output format
// (text, Markdown, ANSI) can mark identifiers, emphasis and links its own way without the
// translations knowing about formats.
import type { Lifecycle } from '../lifecycle.ts';

export type Locale = 'en' | 'zh-CN';

export type Segment =
  | string
  /** An identifier, path or version: `code` in Markdown, cyan in ANSI. */
  | { code: string }
  /** Emphasis: bold in Markdown and ANSI. */
  | { strong: string }
  | { link: { href: string; label: string } };

export type Sentence = Segment[];

export interface NoticeContext {
  lifecycle: Lifecycle;
  deprecated: {
    operationId: string;
    formerOperationIds: readonly string[];
    method: string;
    path: string;
    resourceVersion: string;
  };
  replacement: {
    operationId: string;
    method: string;
    path: string;
    resourceVersion: string;
    docsUrl: string;
    docsTitle: string;
  };
  polls: {
    tenant: { operationId: string; method: string; path: string };
    flex: { operationId: string; method: string; path: string };
  };
}

export interface Messages {
  locale: Locale;
  /** One line: what happened or will happen, and when. */
  title(ctx: NoticeContext): Sentence;
  /** The deprecated operation and its sunset. */
  status(ctx: NoticeContext): Sentence;
  affectedHeading: string;
  /** The tiers the sunset affects, one entry each. */
  affectedTiers: readonly string[];
  /** What to call instead, including the poll. */
  replacement(ctx: NoticeContext): Sentence;
  docs(ctx: NoticeContext): Sentence;
}
