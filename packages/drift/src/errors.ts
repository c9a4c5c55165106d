/**
 * Unusable input (unreadable file or URL, bad YAML/JSON, not OpenAPI 3.x, bad flags).
 * The CLI prints `message` as one line and exits 2; anything else that escapes is a bug.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** Collapses a message to one line: the CLI contract is a one-line error. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
