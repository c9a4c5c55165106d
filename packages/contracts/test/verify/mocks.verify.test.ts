// Provider verification against @atlas-kit/mocks: the msw handlers, served over real HTTP on
// 127.0.0.1 by startAtlasHttpServer, must answer every interaction of the pact the client wrote.
// Proves that frontend and Node tests mocking Atlas with the kit see what the client expects.
import '../../src/env.ts';
import { type AtlasHttpServer, startAtlasHttpServer } from '@atlas-kit/mocks/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockStateHandlers } from '../../src/mock-states.ts';
import { pactFilesIn, providerStates, readPact } from '../../src/pact-file.ts';
import { pactDir } from '../../src/paths.ts';
import { runVerification, type VerificationOutcome } from '../../src/verify.ts';
import { assertInteraction, descriptionsOf } from './support.ts';

const pactFiles = pactFilesIn(pactDir());
const descriptions = descriptionsOf(pactFiles);

describe('provider verification: @atlas-kit/mocks over HTTP', () => {
  let server: AtlasHttpServer | undefined;
  let outcome: VerificationOutcome | undefined;

  beforeAll(async () => {
    if (pactFiles.length === 0) throw new Error(`no pact file in ${pactDir()}; run the consumer step first`);
    server = await startAtlasHttpServer({ host: '127.0.0.1', port: 0 });
    const { atlas } = server;
    outcome = await runVerification({
      providerBaseUrl: server.url,
      pactFiles,
      stateHandlers: mockStateHandlers(atlas),
      // Every interaction starts from the mocks' initial state: no jobs, full rate-limit buckets.
      beforeEach: () => atlas.reset(),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has a state handler for every provider state in the pact (Pact only warns on a missing one)', () => {
    const handled = new Set(Object.keys(mockStateHandlers({} as never)));
    const states = pactFiles.flatMap((f) => providerStates(readPact(f)));
    expect(states.filter((s) => !handled.has(s))).toEqual([]);
    // And no handler for a state that no interaction uses any more.
    expect([...handled].filter((s) => !states.includes(s))).toEqual([]);
  });

  it('ran without state-handler or verifier errors', () => {
    expect(outcome?.general).toEqual([]);
  });

  it.each(descriptions)('%s', (description) => {
    assertInteraction(outcome, description);
  });
});

// The pact matches errorCode by shape (a spec-driven provider can only answer the spec's generic
// example code). The mocks claim more — Atlas's endpoint-specific codes — so hold them to the
// pact's example values: same states, same request, sent straight to the mock server.
describe('@atlas-kit/mocks answer the documented error codes the pact uses as examples', () => {
  const errorInteractions = pactFiles
    .flatMap((f) => readPact(f).interactions)
    .filter((i) => i.response.status >= 400)
    .map((i) => [i.description, i] as const);
  let server: AtlasHttpServer | undefined;
  beforeAll(async () => {
    server = await startAtlasHttpServer({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(errorInteractions)('%s', async (_description, interaction) => {
    if (!server) throw new Error('the mock server did not start');
    server.atlas.reset();
    const handlers = mockStateHandlers(server.atlas) as Record<string, (p: Record<string, unknown>) => unknown>;
    for (const state of interaction.providerStates ?? []) await handlers[state.name]?.(state.params ?? {});
    const headers = Object.fromEntries(
      Object.entries(interaction.request.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    );
    const body = interaction.request.body?.content;
    const response = await fetch(`${server.url}${interaction.request.path}`, {
      method: interaction.request.method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBe(interaction.response.status);
    const expected = (interaction.response.body?.content as { errorCode?: string } | undefined)?.errorCode;
    expect(((await response.json()) as { errorCode?: string }).errorCode).toBe(expected);
  });
});
