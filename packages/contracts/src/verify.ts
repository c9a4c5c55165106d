// Runs the Pact Verifier once over a set of pact files and turns its outcome into one result per
// interaction, so that each interaction shows up as its own test.
import './env.ts';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { PACT_LOG_LEVEL } from './env.ts';
import { PROVIDER } from './paths.ts';
import type { RequestFilter } from './prism-states.ts';

// With PACT_BROKER_BASE_URL set (e.g. for `contracts:publish`), pact-core also pulls pacts from
// that broker during verification. These steps verify local files only, and talk to 127.0.0.1 only.
for (const name of ['PACT_BROKER_BASE_URL', 'PACT_BROKER_TOKEN', 'PACT_BROKER_USERNAME', 'PACT_BROKER_PASSWORD']) {
  delete process.env[name];
}

export type StateSetup = (params: Record<string, unknown>) => void | Promise<void>;

export interface InteractionOutcome {
  description: string;
  ok: boolean;
  /** One line per mismatch or error. */
  problems: string[];
}

export interface VerificationOutcome {
  /** What the verifier said, by interaction description. */
  byDescription: Map<string, InteractionOutcome>;
  /** Errors not tied to an interaction (hooks, state handlers, a crash of the verifier). */
  general: string[];
}

export interface RunVerificationOptions {
  providerBaseUrl: string;
  pactFiles: string[];
  stateHandlers: Record<string, StateSetup>;
  beforeEach?: () => void | Promise<void>;
  requestFilter?: RequestFilter;
}

interface VerifierJson {
  /** `interaction` reads "Verifying a pact between A and B Given … - <description>". */
  errors?: { interaction?: string; mismatch?: unknown }[];
  /** One entry per interaction; `result` is "OK" when it passed. */
  interactionResults?: { description?: string; result?: unknown }[];
}

function describeMismatch(mismatch: unknown): string[] {
  const m = mismatch as {
    mismatches?: { mismatch?: string; path?: string; type?: string }[];
    message?: string;
    type?: string;
  };
  if (Array.isArray(m?.mismatches) && m.mismatches.length) {
    return m.mismatches.map(
      (x) => `${x.type ?? 'mismatch'}${x.path ? ` ${x.path}` : ''}: ${x.mismatch ?? JSON.stringify(x)}`,
    );
  }
  if (m?.message) return [m.message];
  return [JSON.stringify(mismatch)];
}

/**
 * State handlers that throw are only logged by pact-js (the state call still answers 200), so
 * they are wrapped here and their errors returned with the outcome: a broken set-up fails the run.
 */
export async function runVerification(options: RunVerificationOptions): Promise<VerificationOutcome> {
  const general: string[] = [];
  const stateHandlers: VerifierOptions['stateHandlers'] = {};
  for (const [name, setup] of Object.entries(options.stateHandlers)) {
    stateHandlers[name] = async (params?: unknown) => {
      try {
        await setup((params ?? {}) as Record<string, unknown>);
      } catch (e) {
        general.push(`state handler "${name}" failed: ${(e as Error).message}`);
      }
      return undefined;
    };
  }
  const verifier = new Verifier({
    provider: PROVIDER,
    providerBaseUrl: options.providerBaseUrl,
    pactUrls: options.pactFiles,
    logLevel: PACT_LOG_LEVEL,
    stateHandlers,
    ...(options.beforeEach ? { beforeEach: async () => options.beforeEach?.() } : {}),
    ...(options.requestFilter ? { requestFilter: options.requestFilter as VerifierOptions['requestFilter'] } : {}),
    failIfNoPactsFound: true,
  });
  let text: string;
  try {
    text = await verifier.verifyProvider();
  } catch (e) {
    text = (e as Error).message;
  }
  let json: VerifierJson;
  try {
    json = JSON.parse(text) as VerifierJson;
  } catch {
    general.push(`the verifier did not run: ${text}`);
    return { byDescription: new Map(), general };
  }
  const byDescription = new Map<string, InteractionOutcome>();
  for (const r of json.interactionResults ?? []) {
    const description = r.description ?? '(unnamed)';
    const ok = r.result === 'OK';
    byDescription.set(description, { description, ok, problems: ok ? [] : [`result: ${JSON.stringify(r.result)}`] });
  }
  for (const e of json.errors ?? []) {
    const text = e.interaction ?? '';
    // The longest description that ends the error's label (a description may end another one).
    const description =
      [...byDescription.keys()]
        .filter((d) => text === d || text.endsWith(` - ${d}`))
        .sort((a, b) => b.length - a.length)[0] ?? text;
    const entry = byDescription.get(description) ?? { description, ok: false, problems: [] };
    entry.ok = false;
    entry.problems = [...entry.problems.filter((p) => !p.startsWith('result: ')), ...describeMismatch(e.mismatch)];
    byDescription.set(description, entry);
  }
  return { byDescription, general };
}
