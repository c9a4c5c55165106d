import { InputError } from './errors.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Fetches the upstream spec. HTTPS only — plain http is accepted for loopback hosts so the
 * offline/timeout behaviour can be tested against 127.0.0.1. The timeout covers the whole
 * exchange (connect, headers and body): a server that accepts and never answers must not hang CI.
 */
export async function fetchText(url: string, timeoutMs: number): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`invalid URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) {
    throw new InputError(`refusing ${parsed.protocol} URL ${url}: use https (plain http only for 127.0.0.1/localhost)`);
  }
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  try {
    const res = await fetch(parsed, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5', 'user-agent': 'atlas-drift' },
    });
    if (!res.ok) throw new InputError(`cannot fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim());
    return await res.text();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const hint = 'are you offline? Pass --upstream <file> to check a local copy';
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      throw new InputError(`timed out after ${seconds} fetching ${url} (${hint}, or raise --timeout)`);
    }
    const code = err.cause?.code;
    if (code === 'ECONNREFUSED') throw new InputError(`cannot reach ${url}: connection refused (${hint})`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      throw new InputError(`cannot resolve host ${parsed.hostname} for ${url} (${hint})`);
    }
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
      throw new InputError(`connection to ${url} was reset (${hint})`);
    }
    throw new InputError(`cannot fetch ${url}: ${err.cause?.message ?? err.message ?? String(error)} (${hint})`);
  }
}
