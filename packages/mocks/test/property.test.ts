// Robustness: random requests under the API prefix (paths, methods, headers, query flags, bodies
// including invalid JSON and ones past the 1 MiB limit), random scenarios and clocks. Every answer
// must be a documented status of the operation that matched — or one of HTTP's own answers the
// mock adds (405 with Allow for another method on an operation's path, 413 past the body limit,
// 415 for a body type it does not read), or Atlas's 404 for no match — with a body valid against
// the spec; no handler may throw, and no 500 may appear unless the scenario selected it.
// Then hostile scenario values (each a TypeError naming the key, or a working scenario), and
// malformed Host headers and request-targets sent to the real HTTP server over a raw socket.

import { operation } from '@atlas-kit/openapi';
import fc from 'fast-check';
import { getResponse, matchRequestUrl } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtlasHandlers, digestAuth } from '../src/index.ts';
import { type AtlasHttpServer, startAtlasHttpServer } from '../src/node.ts';
import { rawRequest } from './raw-http.ts';
import {
  type AtlasOperationId,
  atlasOperationIds,
  bearer,
  documentedStatuses,
  example,
  judge,
  judgeApiError,
  mediaTypes,
  origin,
  read,
  requestFor,
  sunsetOf,
} from './support.ts';

const RUNS = 1200;

const hex24 = fc.stringMatching(/^[a-f0-9]{24}$/);
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(example.groupId, example.clusterName, example.jobId) },
  { weight: 2, arbitrary: hex24 },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-zA-Z0-9-]{1,20}$/) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.constantFrom('', '%', '..', '%2F', '%00', 'a%20b', '-x', '_'.repeat(300)) },
);

// Requests shaped like one of the four operations (mostly valid parameter values and the
// operation's method, sometimes not), or random paths under the prefix with any method.
const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');
const validValue: Record<string, fc.Arbitrary<string>> = {
  groupId: fc.oneof(fc.constant(example.groupId), hex24),
  clusterName: fc.constant(example.clusterName),
  name: fc.constant(example.clusterName),
  restoreId: fc.oneof({ weight: 3, arbitrary: fc.constant(example.jobId) }, { weight: 1, arbitrary: hex24 }),
  restoreJobId: fc.oneof({ weight: 3, arbitrary: fc.constant(example.jobId) }, { weight: 1, arbitrary: hex24 }),
};
const templated = fc.constantFrom(...atlasOperationIds).chain((id) => {
  const op = operation(id);
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const values = names.map((n) =>
    fc.oneof({ weight: 6, arbitrary: validValue[n] ?? segment }, { weight: 1, arbitrary: segment }),
  );
  return fc
    .tuple(
      fc.tuple(...values),
      fc.oneof({ weight: 6, arbitrary: fc.constant(op.method as string) }, { weight: 1, arbitrary: anyMethod }),
      fc.boolean(),
    )
    .map(([vals, method, trailingSlash]) => {
      const queue = [...vals];
      return { path: op.path.replace(/\{\w+\}/g, () => queue.shift() ?? '') + (trailingSlash ? '/' : ''), method };
    });
});
const randomPath = fc
  .tuple(
    fc.array(fc.oneof(segment, fc.constantFrom('groups', 'clusters', 'flexClusters', 'backup', 'tenant', 'download')), {
      maxLength: 8,
    }),
    anyMethod,
  )
  .map(([parts, method]) => ({ path: `/api/atlas/v2/${parts.join('/')}`, method }));
const target = fc.oneof({ weight: 5, arbitrary: templated }, { weight: 1, arbitrary: randomPath });

const flag = fc.constantFrom(undefined, 'true', 'false', 'TRUE', '1', '', 'maybe');
const query = fc.record({
  envelope: flag,
  pretty: flag,
  other: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
});

const authorization = fc.oneof(
  { weight: 4, arbitrary: fc.constant('valid-bearer') },
  { weight: 2, arbitrary: fc.constant('valid-digest') },
  { weight: 2, arbitrary: fc.constantFrom(undefined, '', 'Bearer', 'Basic abc', 'Digest', 'Digest a=b', 'Bearer a b') },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);
const accept = fc.oneof(
  { weight: 5, arbitrary: fc.constant('right-version') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(undefined, '*/*', 'application/json', 'application/vnd.atlas.2023-10-01+json'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);
const contentType = fc.oneof(
  { weight: 5, arbitrary: fc.constant('right-type') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      'application/json',
      'text/plain',
      ';;',
      'application/vnd.atlas.2024-11-13+json',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
const body = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(JSON.stringify(example.tenantBody), JSON.stringify(example.flexBody)) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          snapshotId: fc.oneof(hex24, fc.string()),
          targetDeploymentItemName: fc.string({ unit: 'grapheme', maxLength: 70 }),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"snapshotId":', 'null', '[]', '\u0000') },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 100_000, max: 1_500_000 })
      .map((n) => JSON.stringify({ ...example.tenantBody, targetDeploymentItemName: 'x'.repeat(n) })),
  },
  {
    // Around the 1 MiB limit: an ignored property pads a valid body to just under or just over it.
    weight: 1,
    arbitrary: fc.integer({ min: -64, max: 64 }).map((delta) => {
      const base = JSON.stringify({ ...example.tenantBody, pad: '' });
      return base.replace('"pad":""', `"pad":"${'x'.repeat(bodyLimit + delta - base.length)}"`);
    }),
  },
);
const bodyLimit = 1024 * 1024;

const scenario = fc.option(
  fc
    .constantFrom(...atlasOperationIds)
    .chain((id) => fc.constantFrom(...documentedStatuses(id)).map((status) => ({ [id]: { status } }))),
  { nil: undefined, freq: 3 },
);
const sunset = (sunsetOf('downloadClusterBackupTenant') as Date).getTime();
const clockAt = fc.integer({ min: sunset - 86_400_000 * 60, max: sunset + 86_400_000 * 60 });

/** Well-formed Digest credentials for this URL (the default auth checks form, not the key). */
function digestFor(url: URL): string {
  const uri = url.pathname + url.search;
  return `Digest username="pub", realm="${digestAuth.realm}", nonce="n", uri="${uri}", qop=auth, nc=00000001, cnonce="c", response="${'0'.repeat(32)}"`;
}

const pathMatches = (id: AtlasOperationId, url: URL) =>
  matchRequestUrl(url, `${origin}${operation(id).path.replace(/\{(\w+)\}/g, ':$1')}`).matches;

function matchOperation(method: string, url: URL): AtlasOperationId | undefined {
  return atlasOperationIds.find((id) => operation(id).method === method && pathMatches(id, url));
}

describe('property: random requests', () => {
  it(`${RUNS} random requests all get a documented, schema-valid answer`, async () => {
    let answered = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ target, query, authorization, accept, contentType, body, scenario, clockAt }),
        async (r) => {
          const { path, method } = r.target;
          const { handlers, atlas } = createAtlasHandlers({ clock: () => new Date(r.clockAt) });
          if (r.scenario) atlas.setScenario(r.scenario);
          // Half the polls find a job.
          atlas.seedRestoreJob({ api: 'tenant' });
          atlas.seedRestoreJob({ api: 'flex', id: example.jobId });
          const search = new URLSearchParams();
          for (const [k, v] of Object.entries(r.query)) if (v !== undefined) search.set(k, v);
          const url = new URL(`${origin}${path}${search.size ? `?${search}` : ''}`);
          const matched = matchOperation(method, url);
          const headers = new Headers();
          const setHeader = (name: string, value: string | undefined) => {
            try {
              if (value !== undefined) headers.set(name, value);
            } catch {
              // A random value that is not a legal header value cannot be sent by any client.
            }
          };
          const opMedia = matched ? mediaTypes[matched] : mediaTypes.downloadClusterBackupTenant;
          setHeader(
            'authorization',
            r.authorization === 'valid-bearer'
              ? 'Bearer t0k3n'
              : r.authorization === 'valid-digest'
                ? digestFor(url)
                : r.authorization,
          );
          setHeader('accept', r.accept === 'right-version' ? opMedia : r.accept);
          setHeader('content-type', r.contentType === 'right-type' ? opMedia : r.contentType);
          const hasBody = method !== 'GET' && method !== 'HEAD';
          const request = new Request(url, { method: method, headers, ...(hasBody ? { body: r.body } : {}) });

          const response = await getResponse(handlers, request);
          // `..` segments can normalise a path out of the API prefix: not the mock's business.
          if (!url.pathname.startsWith('/api/atlas/v2/')) {
            expect(response).toBeUndefined();
            answered++;
            return;
          }
          expect(response, `${method} ${url.pathname}`).toBeDefined();
          const answer = await read(response);
          answered++;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const selected = matched && (r.scenario as Record<string, { status: number }> | undefined)?.[matched]?.status;
          if (answer.status === 500) expect(selected, answer.text).toBe(500);
          const envelope =
            r.query.envelope === 'true' && answer.body?.content !== undefined && answer.body?.status === answer.status;
          const body = envelope ? answer.body.content : answer.body;
          if (!matched) {
            const allowed = atlasOperationIds.filter((id) => pathMatches(id, url)).map((id) => operation(id).method);
            expect(answer.status).toBe(allowed.length > 0 ? 405 : 404);
            if (allowed.length > 0) expect(answer.headers.get('allow')).toBe([...new Set(allowed)].join(', '));
            expect(judgeApiError({ ...answer, body })).toEqual([]);
            return;
          }
          if (answer.status === 413 || answer.status === 415) {
            expect(hasBody && operation(matched).method === 'POST').toBe(true);
            if (answer.status === 413) expect(new TextEncoder().encode(r.body).length).toBeGreaterThan(bodyLimit);
            expect(judgeApiError({ ...answer, body })).toEqual([]);
            return;
          }
          expect(documentedStatuses(matched)).toContain(answer.status);
          expect(
            judge(matched, answer, { envelope }),
            `${method} ${url} → ${answer.status} ${answer.text.slice(0, 300)}`,
          ).toEqual([]);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 20260122) },
    );
    expect(answered).toBe(RUNS);
    // The generators reach the interesting answers, not only one kind.
    for (const status of [200, 400, 401, 404, 405, 406, 410, 413, 415]) {
      expect(statuses.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(2);
    }
  }, 120_000);
});

// Scenario values as a Pact state handler's JSON could carry them: any JSON at any key.
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(-5, 1.5, 0, 1e12, Number.NaN, Number.POSITIVE_INFINITY, 'soon', '', null, [], {}, [{ field: 1 }]),
);
const hostileEntry = fc.record(
  {
    status: fc.oneof(fc.constantFrom(200, 400, 401, 404, 409, 429, 500), hostileValue),
    errorCode: hostileValue,
    detail: hostileValue,
    retryAfter: hostileValue,
    fields: hostileValue,
  },
  { requiredKeys: [] },
);
const hostileScenario = fc.oneof(
  fc.dictionary(
    fc.constantFrom(...atlasOperationIds, 'restoreOutcome', 'latencyMs', 'other'),
    fc.oneof(hostileEntry, hostileValue),
    {
      maxKeys: 3,
    },
  ),
  hostileValue,
);

describe('property: hostile scenario values', () => {
  it('each is a TypeError naming its key, or a scenario the mock then answers by', async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(hostileScenario, fc.constantFrom(...atlasOperationIds), async (scenario, id) => {
        const { handlers, atlas } = createAtlasHandlers({ clock: () => new Date('2025-12-01T12:00:00Z') });
        try {
          atlas.setScenario(scenario as never);
        } catch (e) {
          rejected++;
          expect(e).toBeInstanceOf(TypeError);
          // The key path: `.name` segments, `[n]` for list items, `["…"]` (JSON-escaped) for odd keys.
          expect((e as Error).message).toMatch(/^scenario(\.\w+|\[\d+\]|\["(?:[^"\\\n\r]|\\.)*"\])* /);
          expect(atlas.scenario).toEqual({});
          return;
        }
        // Accepted: latency is bounded by the check, but keep the run fast.
        if ((atlas.scenario.latencyMs ?? 0) > 0) atlas.setScenario({ ...atlas.scenario, latencyMs: 0 });
        atlas.seedRestoreJob({ api: id.includes('Flex') ? 'flex' : 'tenant' });
        const answer = await read(await getResponse(handlers, requestFor(id)));
        expect(documentedStatuses(id)).toContain(answer.status);
        expect(judge(id, answer)).toEqual([]);
        const retryAfter = answer.headers.get('retry-after');
        if (retryAfter !== null) expect(retryAfter).toMatch(/^\d+$/);
      }),
      { numRuns: 600, seed: Number(process.env.FC_SEED ?? 20260122) },
    );
    expect(rejected).toBeGreaterThan(100);
  }, 60_000);
});

describe('property: malformed Host headers and request-targets over real HTTP', () => {
  let srv: AtlasHttpServer;
  let port: number;
  beforeAll(async () => {
    srv = await startAtlasHttpServer({ clock: () => new Date('2025-12-01T12:00:00Z') });
    port = Number(new URL(srv.url).port);
    srv.atlas.seedRestoreJob({ api: 'flex' });
  });
  afterAll(async () => {
    await srv.close();
  });

  const pollPath = new URL(requestFor('getFlexRestoreJob').url).pathname;
  // Printable ASCII without CR/LF (those would end the header line): whatever a client can put in Host.
  const headerText = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: 40,
  });
  const host = fc.oneof(
    headerText,
    fc
      .tuple(fc.constantFrom('127.0.0.1', 'localhost', '[::1]', 'a.example'), fc.integer({ min: -10, max: 200_000 }))
      .map(([h, p]) => `${h}:${p}`),
    fc.constantFrom('x:99999', '', ' ', '[::1', 'a b', 'a/b', 'u@h', 'h?q', 'h#f', '%zz', 'h:80:80', 'h\\x'),
  );
  const target = fc.oneof(
    fc.constant(pollPath),
    fc.constantFrom(
      `//evil.example${pollPath}`,
      `///evil.example${pollPath}`,
      `/\\evil.example${pollPath}`,
      `http://evil.example${pollPath}`,
      `*`,
      'evil.example:443',
    ),
    fc
      .tuple(
        fc.constantFrom('/', '//', 'http://', ''),
        headerText.filter((t) => !t.includes(' ')),
      )
      .map(([a, b]) => `${a}${b}`),
  );

  it("every answer is the mock's own JSON (200, 400, 404 or 405), never a 500, never another origin", async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(host, target, async (h, t) => {
        const answer = await rawRequest(
          port,
          `GET ${t} HTTP/1.1\r\nHost: ${h}\r\nAuthorization: ${bearer}\r\nAccept: ${mediaTypes.getFlexRestoreJob}`,
        );
        seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
        expect([200, 400, 404, 405]).toContain(answer.status);
        const body = JSON.parse(answer.body);
        if (answer.status === 200) {
          // Only this server's own path answers: never one read as another authority.
          expect(t === pollPath || t === `http://evil.example${pollPath}`).toBe(true);
          expect(body.status).toBeDefined();
        } else {
          expect(body.error).toBe(answer.status);
        }
      }),
      { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20260122) },
    );
    expect(seen.get(400) ?? 0).toBeGreaterThan(20);
    expect(seen.get(200) ?? 0).toBeGreaterThan(5);
  }, 60_000);
});
