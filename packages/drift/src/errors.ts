/**
 * Unusable input (unreadable file or URL, bad YAML/JSON, not OpenAPI 3.x, bad flags, a limit hit).
 * The CLI prints `message` as one line and exits 2; anything else that escapes is a bug.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** Collapses a message to one line: the CLI contract is a one-line error. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * The one-line reason for an error that is not an InputError but is still caused by the input
 * (a RangeError from a string or stack that grew too large). Anything else is an internal error.
 */
export function inputReason(error: unknown): string | undefined {
  if (!(error instanceof RangeError)) return undefined;
  if (/call stack/i.test(error.message)) return 'the document is nested too deeply to process';
  if (/string length|buffer|array length/i.test(error.message)) return 'the document is too large to process';
  return undefined;
}
