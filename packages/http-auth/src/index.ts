// The auth-param grammar of HTTP authentication (RFC 9110 §11), written once for both sides of the
// kit: the client reads a server's `WWW-Authenticate` challenges, the mocks read a client's
// `Authorization` credentials. Both are
//
//   auth-scheme [ 1*SP ( token68 / #auth-param ) ]       (§11.3, §11.4)
//   auth-param = token BWS "=" BWS ( token / quoted-string )
//
// and a WWW-Authenticate value is a comma-separated list of challenges (§11.6.1), whose commas
// also separate parameters: a new challenge starts where a token is not followed by "=".
//
// Strict: a value that does not follow the grammar — an unclosed quote, a control character, a
// parameter named twice (§11.2: "MUST only occur once"), text after a value — is malformed as a
// whole (no guess at what a hostile header meant). Parameters live in null-prototype objects, so
// a parameter named `__proto__` or `constructor` is only data.
//
// Hand-written, after the registry was checked: auth-header 1.0.0 parses with one regex and
// silently skips what it cannot match (the opposite of what a check for malformed credentials
// needs); http-auth-utils 6.0.1 splits on a regex marked "FIXME: Create a real parser" (no
// backslash escapes, one challenge per header) and imports node:crypto, so it cannot run in a
// browser; www-authenticate 0.6.3 reads one challenge only and is CommonJS with node:crypto.

export interface AuthChallenge {
  /** The auth-scheme, lower-cased (`digest`, `bearer`). */
  scheme: string;
  /** Auth-params: names lower-cased, values unquoted (null prototype). */
  params: Record<string, string>;
  /** The token68 form (`Bearer <token>`, `Negotiate abc==`), instead of params. */
  token68?: string;
}

// RFC 9110 §5.6.2 tchar, and the token68 alphabet of §11.2.
const isTchar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x23 && c <= 0x27) || // # $ % & '
  c === 0x21 || // !
  c === 0x2a || // *
  c === 0x2b || // +
  c === 0x2d || // -
  c === 0x2e || // .
  c === 0x5e || // ^
  c === 0x5f || // _
  c === 0x60 || // `
  c === 0x7c || // |
  c === 0x7e; // ~
const isToken68Char = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  c === 0x2d ||
  c === 0x2e ||
  c === 0x5f ||
  c === 0x7e ||
  c === 0x2b ||
  c === 0x2f;
// qdtext and the escaped character of a quoted-pair: HTAB, SP, VCHAR, obs-text (§5.6.4).
const isQuotedChar = (c: number): boolean => c === 0x09 || (c >= 0x20 && c !== 0x7f && c <= 0xff);

class Scanner {
  i = 0;
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }

  get done(): boolean {
    return this.i >= this.s.length;
  }

  peek(): number {
    return this.s.charCodeAt(this.i);
  }

  /** OWS / BWS: spaces and tabs. */
  ows(): void {
    while (this.peek() === 0x20 || this.peek() === 0x09) this.i++;
  }

  token(): string {
    const start = this.i;
    while (!this.done && isTchar(this.peek())) this.i++;
    return this.s.slice(start, this.i);
  }

  /** A quoted-string's content (escapes undone); undefined when unclosed or holding a control character. */
  quoted(): string | undefined {
    this.i++; // the opening DQUOTE
    let value = '';
    while (!this.done) {
      const c = this.peek();
      if (c === 0x22) {
        this.i++;
        return value;
      }
      if (c === 0x5c) {
        const escaped = this.s.charCodeAt(this.i + 1);
        if (!isQuotedChar(escaped)) return undefined;
        value += this.s[this.i + 1];
        this.i += 2;
      } else {
        if (!isQuotedChar(c)) return undefined;
        value += this.s[this.i];
        this.i++;
      }
    }
    return undefined;
  }

  /** One auth-param at the cursor; the cursor stays put (and undefined is returned) when there is none. */
  param(): [string, string] | undefined {
    const start = this.i;
    const name = this.token();
    this.ows();
    if (name === '' || this.peek() !== 0x3d) {
      this.i = start;
      return undefined;
    }
    this.i++; // "="
    this.ows();
    const value = this.peek() === 0x22 ? this.quoted() : this.token() || undefined;
    if (value === undefined) {
      this.i = start;
      return undefined;
    }
    return [name.toLowerCase(), value];
  }

  /** A token68 that ends the element (followed by OWS and a comma or the end); undefined otherwise. */
  token68(): string | undefined {
    const start = this.i;
    while (!this.done && isToken68Char(this.peek())) this.i++;
    if (this.i === start) return undefined;
    while (this.peek() === 0x3d) this.i++;
    const value = this.s.slice(start, this.i);
    this.ows();
    if (this.done || this.peek() === 0x2c) return value;
    this.i = start;
    return undefined;
  }

  /** Empty list elements are allowed (§5.6.1): skip OWS and commas. */
  separators(): void {
    for (;;) {
      this.ows();
      if (this.peek() !== 0x2c) return;
      this.i++;
    }
  }
}

/** Challenges or credentials, in order; undefined when the value does not follow the grammar. */
function parse(value: string, many: boolean): AuthChallenge[] | undefined {
  const scan = new Scanner(value);
  const out: AuthChallenge[] = [];
  scan.separators();
  while (!scan.done) {
    if (!many && out.length > 0) return undefined;
    const scheme = scan.token();
    if (scheme === '') return undefined;
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: Object.create(null) };
    out.push(challenge);
    // After the scheme: the end, a comma (the next element), or 1*SP and the scheme's data.
    if (scan.peek() === 0x20) {
      while (scan.peek() === 0x20) scan.i++;
      const first = scan.param();
      if (first) {
        let param: [string, string] | undefined = first;
        while (param) {
          const [name, text] = param;
          if (name in challenge.params) return undefined;
          challenge.params[name] = text;
          scan.ows();
          if (scan.done) break;
          if (scan.peek() !== 0x2c) return undefined;
          scan.separators();
          // Another parameter of this challenge, or (WWW-Authenticate) the next challenge.
          param = scan.param();
        }
      } else if (!scan.done && scan.peek() !== 0x2c) {
        const token68 = scan.token68();
        if (token68 === undefined) return undefined;
        challenge.token68 = token68;
      }
    } else if (!scan.done && scan.peek() !== 0x2c) {
      return undefined;
    }
    scan.separators();
  }
  return out;
}

/** The challenges of a WWW-Authenticate value (several headers joined with ", " included); [] when malformed or absent. */
export function parseChallenges(value: string | null | undefined): AuthChallenge[] {
  return value ? (parse(value, true) ?? []) : [];
}

// `Bearer <token68>`, the common case, matched at once (the same grammar as the scanner's).
const bearer = /^[Bb][Ee][Aa][Rr][Ee][Rr] +([A-Za-z0-9\-._~+/]+=*)$/;

/** The credentials of an Authorization value; undefined when malformed or absent. */
export function parseCredentials(value: string | null | undefined): AuthChallenge | undefined {
  const token68 = value ? bearer.exec(value.trim())?.[1] : undefined;
  if (token68 !== undefined) return { scheme: 'bearer', params: Object.create(null), token68 };
  const parsed = value ? parse(value.trim(), false) : undefined;
  return parsed?.length === 1 ? parsed[0] : undefined;
}
