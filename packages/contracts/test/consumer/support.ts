// Shared set-up of the consumer suite: one Pact per file (all write the same pact file; Pact
// merges them and sorts interactions by description), and the real @atlas-kit/client pointed at
// Pact's mock server.
import '../../src/env.ts';
import { type AtlasClientOptions, createAtlasClient, type DeprecationEvent } from '@atlas-kit/client';
import type { OperationFacts } from '@atlas-kit/openapi';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { PACT_LOG_LEVEL } from '../../src/env.ts';
import { type TenantErrorStatus, tenantErrorCode, tenantErrorReason } from '../../src/error-facts.ts';
import { CONSUMER, contractsDir, PROVIDER, pactDir } from '../../src/paths.ts';
import { AUTHORIZATION_PATTERN, DUMMY_AUTHORIZATION } from '../../src/secrets.ts';
import { documentedMediaTypes, tenantDownload } from '../../src/spec-facts.ts';
import { beforeSunset } from '../../src/states.ts';

const { regex } = MatchersV3;

/**
 * The credential the client really sends. It must never reach the pact file: the pact records
 * Authorization as a pattern with a dummy example (see test/compare/pact-file.test.ts).
 */
export const CLIENT_TOKEN = 'atlas-kit-consumer-access-token-q7Vm2XrT9LbW4kZs8NdP3hGy6';

export function newPact(): PactV4 {
  const dir = pactDir();
  // Pact merges into an existing file and never deletes: writing into the committed folder would
  // keep stale interactions. The pipeline always hands us a fresh temporary directory.
  if (dir === contractsDir) throw new Error('ATLAS_PACT_DIR must point at a temporary directory, not contracts/');
  return new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel: PACT_LOG_LEVEL });
}

export interface ConsumerClient {
  client: ReturnType<typeof createAtlasClient>;
  deprecations: DeprecationEvent[];
}

/** The real client against Pact's mock server, with the secret bearer token and a quiet deprecation hook. */
export function clientFor(mockServer: { url: string }, options: Partial<AtlasClientOptions> = {}): ConsumerClient {
  const deprecations: DeprecationEvent[] = [];
  const client = createAtlasClient({
    baseUrl: mockServer.url,
    auth: { type: 'bearer', token: CLIENT_TOKEN },
    onDeprecation: (event) => deprecations.push(event),
    now: () => beforeSunset,
    ...options,
  });
  return { client, deprecations };
}

/** What every request carries: the operation's versioned media type, and a bearer token (any). */
export function requestHeaders(op: OperationFacts, withBody: boolean) {
  return {
    Accept: op.mediaType,
    ...(withBody ? { 'Content-Type': op.mediaType } : {}),
    Authorization: regex(AUTHORIZATION_PATTERN, DUMMY_AUTHORIZATION),
  };
}

// Patterns the client relies on, from Atlas's own formats.
export const HEX24 = '^([a-f0-9]{24})$';
export const ISO_UTC = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';
export const HTTP_DATE =
  '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$';
export const ERROR_CODE = '^[A-Z][A-Z0-9_]*$';

/**
 * An Atlas `ApiError` body. `errorCode` is matched by shape: the client passes it through as
 * text and never branches on it (except VERSION_GONE and RATE_LIMITED, which stay literal), and a
 * spec-driven provider such as Prism can only answer the spec's generic example code.
 */
export function apiErrorBody(status: TenantErrorStatus, options: { literalCode?: boolean } = {}) {
  const code = tenantErrorCode(status);
  return {
    error: status,
    errorCode: options.literalCode ? code : regex(ERROR_CODE, code),
    detail: MatchersV3.string(`${code}: the reason Atlas gives`),
    reason: MatchersV3.string(tenantErrorReason(status)),
  };
}

/** Content-Type of an error answer: what the spec documents for it (Atlas sends errors as plain JSON). */
export function errorContentType(status: TenantErrorStatus): string {
  const [type] = documentedMediaTypes(tenantDownload, status);
  if (!type) throw new Error(`no media type documented for ${status}`);
  return type;
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
