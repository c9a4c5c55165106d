// What comes from scanned files (names, literals, comments) is someone else's text: it must not
// drive a terminal or inject Markdown/HTML into a PR comment.

/**
 * C0/C1 controls (ESC, CR, …), DEL, and the invisible or direction-changing format characters: bidi
 * marks, overrides and isolates (which reorder what a reader sees), zero-width characters, line and
 * paragraph separators, BOM (which hide or split text). The same set as atlas-drift's reports.
 */
const unsafeCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const visible = (char: string) => `\\u{${(char.codePointAt(0) as number).toString(16)}}`;

/** For a terminal: controls and bidi marks as `\u{…}`; tab and newline stay (a diff needs them). */
export function escapeControls(text: string): string {
  return text.replace(unsafeCharacters, visible);
}

/** For one line of a terminal report: also newlines and tabs made visible. */
export function escapeLine(text: string): string {
  return escapeControls(text).replace(/[\n\t]/g, visible);
}

/**
 * For Markdown: HTML's three specials as entities and every ASCII punctuation mark that Markdown
 * gives a meaning to backslash-escaped (CommonMark §2.4 allows it for all of them), so a file name or
 * a literal renders as its text and never as a link, an image, emphasis, a table cell or a tag.
 * Hand-written: markdown-escape 2.0.0 leaves backticks, pipes and `&` alone.
 */
export function escapeMarkdown(text: string): string {
  return escapeLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~"'=:$%^@/]/g, '\\$&');
}
