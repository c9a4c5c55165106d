/*
 * Upstream documents choose the names, values and messages the reports print. Every such string goes
 * through one of these two functions before it reaches a terminal or a Markdown comment.
 */

// C0 and C1 controls, DEL, and the invisible or direction-changing format characters (the Arabic
// letter mark, bidi overrides and isolates, zero-width marks, line/paragraph separators, BOM); the
// same set as @atlas-kit/migrate's reports.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** Control characters shown as visible escapes (`\e`, `\r`, `\x07`, `\u202e`): no colours, titles, cursor moves or forged lines. */
export function visible(s: string): string {
  return s.replace(
    CONTROL,
    (c) =>
      NAMED[c] ??
      (c.charCodeAt(0) < 0x100
        ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
        : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** For terminal output (text format). */
export const terminal = visible;

const ZWSP = '\u200b';

/**
 * Inert inline Markdown: controls made visible (no line breaks, so no new block, row or comment can
 * start), every ASCII punctuation character backslash-escaped (no emphasis, code span, link, image,
 * raw HTML, entity or table cell boundary), and a zero-width space after `@`, `#`, `://` and `www.`
 * so GitHub neither mentions a user or team, links an issue, nor autolinks a URL.
 */
export function md(s: string): string {
  return visible(s)
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)
    .replace(/\\@/g, `\\@${ZWSP}`)
    .replace(/\\#/g, `\\#${ZWSP}`)
    .replace(/\\:\\\/\\\//g, `\\:${ZWSP}\\/\\/`)
    .replace(/(w)(w)(w)\\\./gi, `$1$2$3${ZWSP}\\.`);
}

/**
 * A link whose text is inert and whose target is an https URL (percent-encoded where Markdown would
 * read it as syntax); anything else is shown as inert text.
 */
export function mdLink(text: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return md(text);
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return md(text);
  const target = parsed.href.replace(
    /[()<>\s"'`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${md(text)}](${target})`;
}

/**
 * Text inside a raw HTML block (`<details><summary>…`), where Markdown is not parsed and backslash
 * escapes would show: HTML-escaped instead, controls visible, mentions and links defused as in `md`.
 */
export function htmlText(s: string): string {
  return visible(s)
    .replace(/[@#]/g, (c) => `${c}${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/(www)\./gi, `$1${ZWSP}.`)
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
