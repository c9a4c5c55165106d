// Server text (error details, HTML pages from proxies) is copied into errors. A misbehaving server
// or proxy may echo a request header back, so every such text passes through the redactor, which
// knows the secrets of the client it belongs to (and the tokens it obtained) and blanks them out.
export interface Redactor {
  /** Registers one more value to blank out (e.g. a freshly issued access token). */
  add(secret: string | undefined): void;
  redact(text: string): string;
  redactDeep<T>(value: T): T;
}

const MASK = '[redacted]';

export function createRedactor(initial: Array<string | undefined> = []): Redactor {
  // Short values would blank out ordinary words; real secrets are long.
  const secrets = new Set<string>();
  const add = (secret: string | undefined) => {
    if (typeof secret === 'string' && secret.length >= 4) secrets.add(secret);
  };
  for (const s of initial) add(s);
  const redact = (text: string): string => {
    let out = text;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  };
  return { add, redact, redactDeep: (value) => redactStrings(value, redact) };
}

/** A copy of `value` with every string in it (keys too) passed through `redact`. */
function redactStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactStrings(v, redact)])) as T;
  }
  return value;
}

/**
 * A short JSON form of a value for a message. Redacted first, then JSON-escaped and shortened: a
 * secret cut short or escaped (`"` → `\"`) no longer matches the redactor, and its first
 * characters would come back in the message.
 */
export function preview(value: unknown, redact: (text: string) => string, max = 60): string {
  const safe = redactStrings(value, redact);
  const text = JSON.stringify(safe) ?? String(safe);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * A URL without userinfo, query and fragment: a pre-signed snapshot URL carries its credential in
 * the query, and `user:password@` is a credential too.
 */
export function safeUrl(url: string | URL): string {
  try {
    const u = new URL(String(url));
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(unparseable URL)';
  }
}
