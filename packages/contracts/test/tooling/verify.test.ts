// The verification wrapper must report a failing interaction as failed (pact-js labels errors
// with the whole "Verifying a pact between … - <description>" line) and a throwing state
// handler as an error (pact-js itself only logs it).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMER, PROVIDER } from '../../src/paths.ts';
import { runVerification } from '../../src/verify.ts';

const interaction = (description: string, path: string, state: string) => ({
  description,
  pending: false,
  providerStates: [{ name: state }],
  request: { method: 'GET', path },
  response: {
    status: 200,
    headers: { 'Content-Type': ['application/json'] },
    body: { content: { ok: true }, contentType: 'application/json', encoded: false },
  },
  type: 'Synchronous/HTTP',
});

describe('runVerification', () => {
  let server: Server;
  let url: string;
  let pactFile: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url === '/good' ? 200 : 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: req.url === '/good' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = mkdtempSync(join(tmpdir(), 'atlas-kit-verify-'));
    pactFile = join(dir, 'p.json');
    writeFileSync(
      pactFile,
      JSON.stringify({
        consumer: { name: CONSUMER },
        provider: { name: PROVIDER },
        interactions: [
          interaction('a good call', '/good', 'all is well'),
          interaction('a bad call', '/bad', 'all is broken'),
        ],
        metadata: { pactSpecification: { version: '4.0' } },
      }),
    );
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dirname(pactFile), { recursive: true, force: true });
  });

  it('passes what passes, fails what fails, and reports a throwing state handler', async () => {
    const outcome = await runVerification({
      providerBaseUrl: url,
      pactFiles: [pactFile],
      stateHandlers: {
        'all is well': () => {},
        'all is broken': () => {
          throw new Error('cannot set up');
        },
      },
    });
    expect(outcome.byDescription.get('a good call')).toMatchObject({ ok: true, problems: [] });
    const bad = outcome.byDescription.get('a bad call');
    expect(bad?.ok).toBe(false);
    expect(bad?.problems.join('\n')).toMatch(/expected 200 but was 500/);
    expect(outcome.general).toEqual(['state handler "all is broken" failed: cannot set up']);
  });
});
