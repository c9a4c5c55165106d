// Prism has no provider states: it picks its answer from the request. The Verifier calls the state
// handlers of an interaction, then sends its request; we remember the states, and the request
// filter looks up the interaction they belong to and asks Prism for its status with `Prefer: code=…`.
import type { PactFile } from './pact-file.ts';
import type { StateSetup } from './verify.ts';

/** The part of express's request handler the filter uses (pact-js runs it in its express proxy). */
export type RequestFilter = (
  req: { method: string; url: string; originalUrl?: string; headers: Record<string, string | string[] | undefined> },
  res: unknown,
  next: () => void,
) => void;

export interface PrismSteering {
  stateHandlers: Record<string, StateSetup>;
  beforeEach: () => void;
  requestFilter: RequestFilter;
  /** Problems met while steering (an interaction that could not be identified); must stay empty. */
  problems: string[];
}

interface Entry {
  states: string;
  method: string;
  path: string;
  status: number;
  jsonErrorBody: boolean;
}

export function prismSteering(pacts: PactFile[]): PrismSteering {
  const entries: Entry[] = pacts.flatMap((p) =>
    p.interactions.map((i) => ({
      states: (i.providerStates ?? []).map((s) => s.name).join('\n'),
      method: i.request.method.toUpperCase(),
      path: i.request.path,
      status: i.response.status,
      jsonErrorBody: i.response.status >= 400,
    })),
  );
  const problems: string[] = [];
  let pending: string[] = [];

  const stateHandlers: Record<string, StateSetup> = {};
  for (const name of new Set(entries.flatMap((e) => (e.states ? e.states.split('\n') : [])))) {
    stateHandlers[name] = () => {
      pending.push(name);
    };
  }

  const requestFilter: RequestFilter = (req, _res, next) => {
    const path = (req.originalUrl ?? req.url).split('?')[0] ?? '';
    // The filter also sees the Verifier's own state-change calls; those go to the proxy, not Prism.
    if (path === '/_pactSetup') {
      next();
      return;
    }
    const key = pending.join('\n');
    const statuses = new Set(
      entries.filter((e) => e.states === key && e.method === req.method && e.path === path).map((e) => e.status),
    );
    pending = [];
    if (statuses.size !== 1) {
      problems.push(
        `cannot tell which status to ask Prism for: ${req.method} ${path} after states [${key}] → ${[...statuses]}`,
      );
      next();
      return;
    }
    const [status] = [...statuses] as [number];
    req.headers.prefer = `code=${status}`;
    // Atlas sends errors as application/json whatever the Accept header says; Prism negotiates
    // the content type before it honours `Prefer: code`, and with only the versioned type in
    // Accept it falls back to the 200 answer. Also accepting application/json lets it pick the
    // documented error content. The Accept check of the versioned type still applies to 2xx.
    if (status >= 400 && typeof req.headers.accept === 'string' && !req.headers.accept.includes('application/json')) {
      req.headers.accept = `${req.headers.accept}, application/json`;
    }
    next();
  };

  const beforeEach = () => {
    pending = [];
  };
  return { stateHandlers, beforeEach, requestFilter, problems };
}
