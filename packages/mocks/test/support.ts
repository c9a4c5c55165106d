// Shared by the Node and the browser tests (no node: imports): requests built from the spec's
// examples, and the judge of every answer — the spec itself, through the validators compiled
// from it (@atlas-kit/openapi/responses).
import { atlasServerUrl, operation } from '@atlas-kit/openapi';
import { examples } from '@atlas-kit/openapi/examples';
import { validateResponse, validateResponseBody } from '@atlas-kit/openapi/responses';
import { type AtlasOperationId, atlasOperationIds } from '../src/index.ts';

export type { AtlasOperationId };
export { atlasOperationIds };

/** The spec's server, as the handlers' default baseUrl. */
export const origin: string = atlasServerUrl;
export const bearer = 'Bearer test-token';

const requestExample = (id: AtlasOperationId): Record<string, unknown> | undefined => {
  const ex = examples[id];
  return 'request' in ex ? (ex.request as Record<string, unknown>) : undefined;
};

const successExample = (id: AtlasOperationId): Record<string, any> => examples[id].success as Record<string, any>;

/** Values of the spec's examples: the project, cluster and job of the documented flow. */
export const example = {
  groupId: successExample('downloadClusterBackupTenant').projectId as string,
  clusterName: successExample('downloadClusterBackupTenant').clusterName as string,
  jobId: successExample('downloadClusterBackupTenant').id as string,
  tenantBody: requestExample('downloadClusterBackupTenant') as Record<string, unknown>,
  flexBody: requestExample('downloadFlexBackup') as Record<string, unknown>,
  success: successExample,
};

export interface RequestSpec {
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string | undefined>;
  body?: string | Record<string, unknown> | null;
  base?: string;
}

/** A well-formed request for an operation (override any part). */
export function requestFor(id: AtlasOperationId, over: RequestSpec = {}): Request {
  const facts = operation(id);
  const path =
    over.path ??
    facts.path
      .replace('{groupId}', example.groupId)
      .replace(/\{(clusterName|name)\}/, example.clusterName)
      .replace(/\{(restoreId|restoreJobId)\}/, example.jobId)
      .replace('{snapshotId}', String(example.flexBody.snapshotId));
  const defaults: Record<string, string> = { authorization: bearer, accept: facts.mediaType };
  const defaultBody =
    id === 'downloadClusterBackupTenant' ? example.tenantBody : id === 'downloadFlexBackup' ? example.flexBody : null;
  const body = over.body === undefined ? defaultBody : over.body;
  if (body !== null && facts.method === 'POST') defaults['content-type'] = facts.mediaType;
  const headers = new Headers();
  for (const [k, v] of Object.entries({ ...defaults, ...over.headers })) if (v !== undefined) headers.set(k, v);
  const url = `${over.base ?? origin}${path}${over.query ? `?${over.query}` : ''}`;
  const method = over.method ?? facts.method;
  return new Request(url, {
    method,
    headers,
    ...(body !== null && method !== 'GET' && method !== 'HEAD'
      ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
      : {}),
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function read(response: Response | undefined): Promise<Answer> {
  if (!response) throw new Error('no answer (no handler matched)');
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Spec errors of an answer (status documented, headers, media type, body schema); [] when faithful. */
export function judge(id: AtlasOperationId, answer: Answer, { envelope = false } = {}): string[] {
  let body = answer.body;
  const problems: string[] = [];
  if (body === undefined) problems.push(`body is not JSON: ${answer.text.slice(0, 80)}`);
  if (envelope) {
    if (body?.status !== answer.status) problems.push(`envelope status ${body?.status} != ${answer.status}`);
    body = body?.content;
  }
  for (const name of ['RateLimit-Limit', 'RateLimit-Remaining']) {
    if (!/^\d+$/.test(answer.headers.get(name) ?? '')) problems.push(`${name} missing or not an integer`);
  }
  return [...problems, ...validateResponse({ operationId: id, status: answer.status, headers: answer.headers, body })];
}

/** ApiError check for answers no operation owns (catch-all 404). */
export function judgeApiError(answer: Answer): string[] {
  return validateResponseBody('downloadFlexBackup', 404, answer.body).map((e) => `${e.path} ${e.message}`);
}

export const mediaTypes = Object.fromEntries(atlasOperationIds.map((id) => [id, operation(id).mediaType])) as Record<
  AtlasOperationId,
  string
>;

/** The sunset instant of an operation, from the spec (never typed in tests either). */
export const sunsetOf = (id: AtlasOperationId): Date | undefined => {
  const day = (operation(id).lifecycle as { sunset?: string }).sunset;
  return day ? new Date(`${day}T00:00:00.000Z`) : undefined;
};

export const documentedStatuses = (id: AtlasOperationId): number[] => [...operation(id).statuses];
