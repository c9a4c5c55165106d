// The client takes the token endpoint and the Atlas error codes it acts on from @atlas-kit/openapi
// (the facts compiled from the spec), not from literals of its own: with them replaced, the client follows.
import type * as OpenApi from '@atlas-kit/openapi';
import { operation } from '@atlas-kit/openapi';
import { describe, expect, it, vi } from 'vitest';
import {
  AtlasApiError,
  type AtlasErrorCode,
  AtlasRateLimitError,
  createAtlasClient,
  EndpointSunsetError,
} from '../src/index.ts';
import { atlas, GROUP, JOB, json, SNAPSHOT, useTestServer } from './helpers/server.ts';

const real = await vi.importActual<typeof OpenApi>('@atlas-kit/openapi');
// A spec whose token endpoint and error codes differ from today's.
const TOKEN_PATH = '/api/oauth2/v9/token';
const codes: Record<string, string> = { 410: 'VERSION_RETIRED', 429: 'SLOW_DOWN' };
vi.mock('@atlas-kit/openapi', async (importOriginal) => {
  const original = await importOriginal<typeof OpenApi>();
  const { atlas } = original;
  return {
    ...original,
    atlas: {
      ...atlas,
      oauth: { ...atlas.oauth, tokenPath: '/api/oauth2/v9/token' },
      errorCodes: { ...atlas.errorCodes, 410: 'VERSION_RETIRED', 429: 'SLOW_DOWN' },
    },
  };
});

const flexMedia = operation('downloadFlexBackup').mediaType;
const flexJob = { id: JOB, instanceName: 'Cluster0', snapshotId: SNAPSHOT, status: 'PENDING' };

const server = useTestServer();

const make = (auth: Parameters<typeof createAtlasClient>[0]['auth'] = { type: 'none' }) =>
  createAtlasClient({ baseUrl: server.url, auth, retry: false, onDeprecation: () => {} });
const download = (c: ReturnType<typeof make>) =>
  c.downloadFlexBackup({ groupId: GROUP, name: 'Cluster0' }, { snapshotId: SNAPSHOT });

describe('facts the client reads from the spec', () => {
  it("the spec's own values are the ones the AtlasErrorCode type spells", () => {
    const rateLimited: AtlasErrorCode = 'RATE_LIMITED';
    expect(real.atlas.errorCodes[429]).toBe(rateLimited);
    expect(real.atlas.errorCodes[410]).toBe('VERSION_GONE');
    expect(real.atlas.oauth.tokenPath).toBe('/api/oauth/token');
  });

  it("service account: the token is asked at {baseUrl} + the spec's tokenUrl path", async () => {
    server.handle((req, res) => {
      if (req.path === TOKEN_PATH) return json(res, 200, { access_token: 'tok-1234', token_type: 'Bearer' });
      if (req.headers.authorization !== 'Bearer tok-1234') return json(res, 401, { error: 401 });
      return atlas(res, 200, flexJob, flexMedia);
    });
    const r = await download(make({ type: 'serviceAccount', clientId: 'id-1234', clientSecret: 'secret-1234' }));
    expect(r.data).toEqual(flexJob);
    expect(server.requests.map((q) => `${q.method} ${q.path}`)[0]).toBe(`POST ${TOKEN_PATH}`);
  });

  it("410 with the spec's sunset errorCode → EndpointSunsetError; the old literal no longer counts", async () => {
    server.handle((_req, res) => json(res, 410, { error: 410, errorCode: codes[410], reason: 'Gone' }));
    const e = await download(make()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EndpointSunsetError);
    server.handle((_req, res) => json(res, 410, { error: 410, errorCode: 'VERSION_GONE', reason: 'Gone' }));
    const plain = await download(make()).catch((x: unknown) => x);
    expect(plain).toBeInstanceOf(AtlasApiError);
    expect(plain).not.toBeInstanceOf(EndpointSunsetError);
  });

  it("429 → AtlasRateLimitError whose code is the spec's 429 errorCode", async () => {
    server.handle((_req, res) => json(res, 429, { error: 429, errorCode: codes[429] }, { 'Retry-After': '0' }));
    const e = await download(make()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AtlasRateLimitError);
    expect((e as AtlasRateLimitError).code).toBe(codes[429]);
  });
});
