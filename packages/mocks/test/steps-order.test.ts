// The order in which the mocks answer is the exported list of steps (msw's model: handlers in
// order, the first answer wins). For every pair of steps, a request that fails both checks gets
// the earlier step's answer — the order is data, and this test reads it from the list itself.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { type AtlasMockOptions, answerSteps, createAtlasHandlers } from '../src/index.ts';
import { example, type RequestSpec, requestFor, sunsetOf } from './support.ts';

const id = 'downloadClusterBackupTenant';
const beforeSunset = new Date('2025-12-01T12:00:00Z');
const afterSunset = new Date((sunsetOf(id) as Date).getTime() + 1);

interface Fault {
  status: number;
  request?: RequestSpec;
  options?: AtlasMockOptions;
  /** Empties the project's bucket before the request (the rate-limit fault). */
  drain?: boolean;
}

// One way to fail each step that can answer. Faults combine: each touches its own part of the request.
const faults: Record<string, Fault> = {
  authorization: { status: 401, request: { headers: { authorization: 'Basic abc' } } },
  rateLimit: { status: 429, drain: true },
  accept: { status: 406, request: { headers: { accept: '*/*' } } },
  sunset: { status: 410, options: { clock: () => afterSunset } },
  contentType: { status: 415, request: { headers: { 'content-type': 'text/plain' } } },
  bodySize: { status: 413, options: { limits: { requestBodyBytes: 200 } }, request: { body: 'pad' } },
  validation: { status: 400, request: { query: 'envelope=maybe' } },
  scenario: { status: 409, options: { scenario: { [id]: { status: 409 } } } },
};

function combine(a: Fault, b: Partial<Fault>): { request: RequestSpec; options: AtlasMockOptions; drain: boolean } {
  const request: RequestSpec = {
    ...a.request,
    ...b.request,
    headers: { ...a.request?.headers, ...b.request?.headers },
  };
  // The size fault pads a valid body; a body fault of another step would not combine (none has one).
  if (request.body === 'pad') request.body = JSON.stringify({ ...example.tenantBody, pad: 'x'.repeat(400) });
  return {
    request,
    options: {
      clock: () => beforeSunset,
      ...a.options,
      ...b.options,
      limits: { ...a.options?.limits, ...b.options?.limits },
    },
    drain: Boolean(a.drain || b.drain),
  };
}

async function statusOf(fault: { request: RequestSpec; options: AtlasMockOptions; drain: boolean }): Promise<number> {
  const options: AtlasMockOptions = fault.drain
    ? { ...fault.options, rateLimit: { capacity: 1, refillTokens: 1, refillIntervalMs: 3_600_000 } }
    : fault.options;
  const { handlers } = createAtlasHandlers(options);
  if (fault.drain) await getResponse(handlers, requestFor(id, { headers: {} }));
  return (await getResponse(handlers, requestFor(id, fault.request)))?.status ?? 0;
}

const names = answerSteps.map((step) => step.name);

describe('answerSteps', () => {
  it('lists the steps in the documented order, each a named function', () => {
    expect(names).toEqual([
      'authorization',
      'rateLimit',
      'accept',
      'sunset',
      'contentType',
      'bodySize',
      'validation',
      'scenario',
      'snapshotListing',
      'restoreFlow',
    ]);
    for (const step of answerSteps) expect(typeof step).toBe('function');
  });

  it('each fault alone gets its own step’s answer', async () => {
    for (const [name, fault] of Object.entries(faults)) {
      expect(await statusOf(combine(fault, {})), name).toBe(fault.status);
    }
  });

  const answering = names.filter((name) => name in faults);
  const pairs = answering.flatMap((first, i) => answering.slice(i + 1).map((second) => [first, second] as const));

  it.each(pairs)('%s comes before %s', async (first, second) => {
    const a = faults[first] as Fault;
    const b = faults[second] as Fault;
    expect(await statusOf(combine(a, b))).toBe(a.status);
    expect(await statusOf(combine(b, a))).toBe(a.status);
  });
});
