/**
 * Every bound the checker puts on input it does not control, in one place: the README's "Limits"
 * section lists these numbers and what each refusal prints.
 */

/** Bytes read from one document (file, gzip output or HTTP body); `--max-bytes` changes it. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Redirects followed by hand when fetching an upstream URL; every hop is checked like the first. */
export const MAX_REDIRECTS = 5;

/** `--timeout` ceiling: Node's timers overflow above 2^31-1 ms, and an hour is already generous. */
export const MAX_TIMEOUT_S = 3600;

/** Nesting of schemas the resolver follows before refusing (a 10,000-deep schema would overflow the stack). */
export const MAX_SCHEMA_DEPTH = 200;

/** Characters of an upstream value (enum, default, pattern…) quoted in a message before it is cut. */
export const MAX_QUOTED_CHARS = 120;

/** `*` wildcards in one acknowledgement location (the matcher is linear, this keeps patterns readable). */
export const MAX_PATTERN_STARS = 16;
