// Parser for `WWW-Authenticate` (RFC 9110 §11.6.1 / RFC 7235 §4.1): one or more challenges,
// each `scheme` followed by a token68 or comma-separated `name=value` auth-params, where a value
// is a token or a quoted-string with backslash escapes. A header may carry several challenges
// (e.g. Digest SHA-256 and Digest MD5), and fetch joins repeated header lines with ", ".
// Hand-written: the digest packages in the registry parse with one regex per field (they break
// on commas inside quoted values and on several challenges in one header).

export interface AuthChallenge {
  /** Lower-cased scheme, e.g. `digest`. */
  scheme: string;
  /** Auth-params, names lower-cased, values unquoted. */
  params: Record<string, string>;
  token68?: string;
}

const tchar = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

export function parseAuthenticate(header: string | null | undefined): AuthChallenge[] {
  if (!header) return [];
  const s = header;
  let i = 0;
  const out: AuthChallenge[] = [];
  const skipWs = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < s.length && tchar.test(s[i] as string)) i++;
    return s.slice(start, i);
  };
  const readQuoted = (): string => {
    // s[i] === '"'
    i++;
    let value = '';
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < s.length) i++;
      value += s[i];
      i++;
    }
    i++; // closing quote (or end of input)
    return value;
  };
  // Looks ahead: is the text at i `token BWS "="` (an auth-param) rather than a new scheme?
  const atParam = (): boolean => {
    const save = i;
    const name = readToken();
    skipWs();
    const isParam = name !== '' && s[i] === '=' && s[i + 1] !== '=';
    i = save;
    return isParam;
  };

  while (i < s.length) {
    while (i < s.length && (s[i] === ',' || s[i] === ' ' || s[i] === '\t')) i++;
    if (i >= s.length) break;
    const scheme = readToken();
    if (scheme === '') {
      i++; // stray character: skip it rather than loop forever
      continue;
    }
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    skipWs();
    if (i < s.length && s[i] !== ',' && !atParam()) {
      // token68 (e.g. `Negotiate abc==`)
      const start = i;
      while (i < s.length && /[A-Za-z0-9\-._~+/=]/.test(s[i] as string)) i++;
      challenge.token68 = s.slice(start, i);
      continue;
    }
    for (;;) {
      while (i < s.length && (s[i] === ',' || s[i] === ' ' || s[i] === '\t')) i++;
      if (i >= s.length || !atParam()) break;
      const name = readToken().toLowerCase();
      skipWs();
      i++; // '='
      skipWs();
      const value = s[i] === '"' ? readQuoted() : readToken();
      challenge.params[name] = value;
      skipWs();
    }
  }
  return out;
}
