// Facts the spec holds beyond one operation's method, path and media type, read from the merged
// document so that no package retypes them: the service-account token endpoint and the Atlas
// error codes the documented error answers carry.
import { atlasDocument } from './documents.ts';
import { atlasServerUrl } from './operation.ts';
import { createSpecValidator } from './validator.ts';

type Node = Record<string, any>;

/**
 * The OAuth 2.0 token endpoint of service accounts, as the spec writes it
 * (`components.securitySchemes.ServiceAccounts.flows.clientCredentials.tokenUrl`).
 */
export const oauthTokenUrl: string = (() => {
  const url = atlasDocument.components.securitySchemes?.ServiceAccounts?.flows?.clientCredentials?.tokenUrl;
  if (typeof url !== 'string' || url === '') throw new Error('the merged spec names no service-account tokenUrl');
  return url;
})();

/**
 * The token endpoint's path relative to the spec's server (`servers[0].url`), e.g. `/api/oauth/token`:
 * append it to whichever base URL a client talks to (a mock, a proxy), as with the operations' paths.
 */
export const oauthTokenPath: string = (() => {
  const server = new URL(atlasServerUrl);
  const token = new URL(oauthTokenUrl, server);
  if (token.origin !== server.origin) return token.pathname;
  const prefix = server.pathname.replace(/\/+$/, '');
  return token.pathname.startsWith(`${prefix}/`) ? token.pathname.slice(prefix.length) : token.pathname;
})();

const { deref, findOperation } = createSpecValidator(atlasDocument);

/** The `errorCode` of every example of one documented answer (its `example` and its `examples`). */
function codesOf(response: Node | undefined): string[] {
  if (!response) return [];
  const codes: string[] = [];
  for (const media of Object.values<Node>(deref<Node>(response).content ?? {})) {
    const values = [media.example, ...Object.values<Node>(media.examples ?? {}).map((e) => deref<Node>(e).value)];
    for (const value of values) {
      if (value && typeof value.errorCode === 'string' && !codes.includes(value.errorCode)) codes.push(value.errorCode);
    }
  }
  return codes;
}

/**
 * The Atlas `errorCode` the spec's example gives for `status` of `operationId` (e.g. `VERSION_GONE`
 * for a 410 of a deprecated operation); undefined when that answer is not documented or its
 * example names no code. Throws for an unknown operationId, or when the examples disagree.
 */
export function documentedErrorCode(operationId: string, status: number | string): string | undefined {
  const { operation } = findOperation(operationId);
  const codes = codesOf(operation.responses?.[String(status)]);
  if (codes.length > 1) {
    throw new Error(`${operationId}: the ${status} examples name several error codes (${codes.join(', ')})`);
  }
  return codes[0];
}

/**
 * The one `errorCode` the spec's examples give for `status`, whichever operation documents it
 * (e.g. `RATE_LIMITED` for 429). Throws when no operation documents one, or when they disagree.
 */
export function documentedStatusErrorCode(status: number | string): string {
  const codes = new Set<string>();
  for (const item of Object.values(atlasDocument.paths)) {
    for (const operation of Object.values<Node>(item)) {
      if (typeof operation?.operationId !== 'string') continue;
      for (const code of codesOf(operation.responses?.[String(status)])) codes.add(code);
    }
  }
  if (codes.size !== 1) {
    throw new Error(
      codes.size === 0
        ? `no operation of the spec documents an error code for HTTP ${status}`
        : `the spec's ${status} examples name several error codes (${[...codes].join(', ')})`,
    );
  }
  return [...codes][0] as string;
}
