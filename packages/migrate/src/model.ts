// What a scan reports, and what apply does with each caller.

/** How a caller calls a dead operation. */
export type CallerKind =
  /** A method of the kit's client (`createAtlasClient(…)` or a value typed `AtlasClient` in the same file). */
  | 'kit-client'
  /** A method named after the operation (or a former name) on an object named like an SDK client. */
  | 'sdk-client'
  /** openapi-fetch `GET`/`POST`/… with the path template as a literal. */
  | 'openapi-fetch'
  /** A URL in a string literal, a template literal or a concatenation (raw `fetch` and the like). */
  | 'string'
  | 'template'
  | 'concatenation'
  /** A `curl` command in a shell script, and any other shell word holding the URL. */
  | 'curl'
  | 'shell';

export interface Caller {
  /** Relative to the scan's `cwd`, with `/`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  operationId: string;
  kind: CallerKind;
  /** The operationId to move to. */
  replacement: string;
}

/** A name or path of a dead operation that is not a call: prose, a string, a call on an unknown object. */
export type MentionKind = 'comment' | 'markdown' | 'string' | 'call';

export interface Mention {
  file: string;
  line: number;
  column: number;
  operationId: string;
  kind: MentionKind;
  /** The line (or literal) that mentions it, trimmed and cut to 160 characters. */
  text: string;
}

/** A file that was not scanned, and why (too big, unreadable, not parsable as a shell script). */
export interface Skipped {
  file: string;
  reason: string;
}

export interface ScanResult {
  callers: Caller[];
  mentions: Mention[];
  skipped: Skipped[];
}

/** Replace [start, end) of a file's text with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What apply does with one caller: these edits, or a TODO(atlas-migrate) comment at `anchor`. */
export type Change =
  | { edits: Edit[] }
  | {
      todo: string;
      /** Offset of the statement to put the comment above; undefined when no place is safe. */
      anchor: number | undefined;
    };

export interface Finding {
  caller: Omit<Caller, 'file' | 'line' | 'column'>;
  offset: number;
  change: Change;
}

export interface FileFindings {
  callers: Finding[];
  mentions: Array<Omit<Mention, 'file' | 'line' | 'column'> & { offset: number }>;
}
