// Compiles the merged, overlaid document into the facts every package imports: one entry per
// operation (identity, route, media types, parameters, body, answers and their error codes,
// lifecycle, rate limit) and the examples the mocks and contracts answer with. A fact missing or
// contradicting another stops `pnpm generate` with the operation and the field it concerns.
import type {
  AtlasFacts,
  ErrorBody,
  HttpMethod,
  LifecycleFacts,
  OperationExamples,
  OperationFacts,
  ParameterFacts,
  RateLimitFacts,
  ResponseFacts,
} from '../../src/facts-types.ts';
import { CompileError, createResolver, type Node } from './resolve.ts';

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;
const versioned = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
// Both upstream docs-link styles end in the operation's docs id:
//   …/api-resources-spec/v2/#tag/Flex-Snapshots/operation/downloadFlexBackup
//   …/atlas-admin-api-v2/operation/operation-downloadflexbackup
const docsAnchor = /\/operation\/(?:operation-)?([A-Za-z0-9]+)$/;
// Upstream marks its generic error examples this way; they are never an answer's default code.
const unrelatedMark = '(This is just an example, the exception may not be related to this endpoint)';

export interface CompiledFacts {
  atlas: AtlasFacts;
  operations: Record<string, OperationFacts>;
  examples: Record<string, OperationExamples>;
}

interface ErrorExample {
  code: string;
  body: ErrorBody;
  unrelated: boolean;
}

function day(value: unknown, where: string): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !isoDay.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new CompileError(`${where}: expected a day as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return text;
}

/**
 * @param doc the merged document with the overlay applied
 * @param fragmentOf the specs/ fragment each path comes from
 */
export function compileFacts(doc: Node, fragmentOf: (path: string) => string): CompiledFacts {
  const { deref, schemaName } = createResolver(doc);

  /** Every error example of an answer, in document order (`example`, then `examples`). */
  const errorExamples = (response: Node, where: string): ErrorExample[] => {
    const media = response.content?.['application/json'];
    if (!media) return [];
    const values: unknown[] = [];
    if (media.example !== undefined) values.push(media.example);
    for (const [name, example] of Object.entries<Node>(media.examples ?? {})) {
      const value = deref<Node>(example, `${where}/examples/${name}`).value;
      if (value?.errorCode !== name) {
        throw new CompileError(
          `${where}/examples/${name}: the example's errorCode is ${JSON.stringify(value?.errorCode)}`,
        );
      }
      values.push(value);
    }
    return values.map((value, i) => {
      const body = value as ErrorBody;
      if (typeof body?.errorCode !== 'string' || typeof body.error !== 'number') {
        throw new CompileError(`${where}: error example ${i} has no errorCode/error`);
      }
      return { code: body.errorCode, body, unrelated: String(body.detail ?? '').startsWith(unrelatedMark) };
    });
  };

  const server = (doc.servers as Node[] | undefined)?.[0]?.url;
  if (typeof server !== 'string') throw new CompileError('servers[0].url: the merged document names no server');

  const operations: Record<string, OperationFacts> = {};
  const examples: Record<string, OperationExamples> = {};
  const genericCodes = new Map<string, Set<string>>();
  const addGeneric = (status: string, code: string) => {
    const codes = genericCodes.get(status) ?? new Set<string>();
    codes.add(code);
    genericCodes.set(status, codes);
  };

  for (const [path, item] of Object.entries<Node>(doc.paths ?? {})) {
    for (const method of methods) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const id = op.operationId;
      if (typeof id !== 'string') throw new CompileError(`${method.toUpperCase()} ${path}: no operationId`);
      const at = (field: string) => `${id} ${field}`;
      if (operations[id]) throw new CompileError(`${id}: declared twice`);

      // Parameters: path ones in the order the template names them, then query ones.
      const parameters: ParameterFacts[] = [];
      for (const [i, raw] of (op.parameters ?? []).entries()) {
        const p = deref<Node>(raw, at(`parameters[${i}]`));
        if (p.in !== 'path' && p.in !== 'query') throw new CompileError(at(`parameter ${p.name}: in ${p.in}`));
        const schema = deref<Node>(p.schema ?? {}, at(`parameter ${p.name}`));
        parameters.push({
          name: p.name,
          in: p.in,
          required: p.required === true,
          type: schema.type ?? 'string',
          ...(schema.pattern ? { pattern: schema.pattern } : {}),
          ...(schema.minimum !== undefined ? { minimum: schema.minimum } : {}),
          ...(schema.maximum !== undefined ? { maximum: schema.maximum } : {}),
          ...(schema.default !== undefined ? { default: schema.default } : {}),
        });
      }
      const slots = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string);
      for (const name of slots) {
        if (!parameters.some((p) => p.in === 'path' && p.name === name)) {
          throw new CompileError(at(`path parameter {${name}} is not declared`));
        }
      }
      parameters.sort((a, b) =>
        a.in === b.in
          ? a.in === 'path'
            ? slots.indexOf(a.name) - slots.indexOf(b.name)
            : 0
          : a.in === 'path'
            ? -1
            : 1,
      );

      // Answers.
      const responses: Record<string, ResponseFacts> = {};
      const errors: Record<string, Record<string, ErrorBody>> = {};
      let success: { status: string; mediaType: string; schema?: string; example: unknown; headers: Node } | undefined;
      for (const [status, raw] of Object.entries<Node>(op.responses ?? {})) {
        const response = deref<Node>(raw, at(`responses.${status}`));
        const content = Object.entries<Node>(response.content ?? {});
        const [mediaType, media] = content[0] ?? [];
        if (content.length > 1) throw new CompileError(at(`responses.${status}: several media types`));
        const headers = Object.keys(response.headers ?? {});
        const found = errorExamples(response, at(`responses.${status}`));
        responses[status] = {
          ...(mediaType ? { mediaType } : {}),
          ...(schemaName(media?.schema) ? { schema: schemaName(media?.schema) } : {}),
          headers,
          errorCodes: found.filter((e) => !e.unrelated).map((e) => e.code),
          unrelatedErrorCodes: found.filter((e) => e.unrelated).map((e) => e.code),
        };
        if (/^2\d\d$/.test(status)) {
          if (success) throw new CompileError(at('responses: more than one 2xx answer'));
          if (!mediaType || !versioned.test(mediaType)) {
            throw new CompileError(at(`responses.${status}: expected one versioned media type, got ${mediaType}`));
          }
          if (media?.example === undefined) throw new CompileError(at(`responses.${status}: no example`));
          const headerExamples: Node = {};
          for (const [name, header] of Object.entries<Node>(response.headers ?? {})) {
            const example = deref<Node>(header, at(`responses.${status}.headers.${name}`)).schema?.example;
            if (typeof example === 'string') headerExamples[name] = example;
          }
          success = {
            status,
            mediaType,
            ...(schemaName(media.schema) ? { schema: schemaName(media.schema) } : {}),
            example: media.example,
            headers: headerExamples,
          };
        } else if (found.length > 0) {
          errors[status] = Object.fromEntries(found.map((e) => [e.code, e.body]));
          const related = found.find((e) => !e.unrelated);
          // The answer shared through components.responses names the generic code of its status.
          if (related && typeof raw.$ref === 'string') addGeneric(status, related.code);
        }
      }
      if (!success) throw new CompileError(at('responses: no 2xx answer'));
      const version = versioned.exec(success.mediaType)?.[1] as string;
      const declared = doc.paths[path][method].responses[success.status];
      const xgen = deref<Node>(declared).content?.[success.mediaType]?.['x-xgen-version'];
      if (xgen !== undefined && day(xgen, at('x-xgen-version')) !== version) {
        throw new CompileError(at(`x-xgen-version ${xgen} disagrees with ${success.mediaType}`));
      }

      // Request body: the versioned media type of the operation; readOnly properties are the server's.
      let requestBody: OperationFacts['requestBody'];
      let requestExample: unknown;
      if (op.requestBody) {
        const body = deref<Node>(op.requestBody, at('requestBody'));
        const entries = Object.entries<Node>(body.content ?? {});
        if (entries.length !== 1 || entries[0]?.[0] !== success.mediaType) {
          throw new CompileError(
            at(`requestBody: expected ${success.mediaType} only, got ${entries.map(([t]) => t).join(', ')}`),
          );
        }
        const media = entries[0][1];
        const schema = deref<Node>(media.schema ?? {}, at('requestBody.schema'));
        const properties = Object.entries<Node>(schema.properties ?? {})
          .filter(([, prop]) => deref<Node>(prop).readOnly !== true)
          .map(([name]) => name);
        const name = schemaName(media.schema);
        requestBody = {
          mediaType: success.mediaType,
          required: body.required === true,
          ...(name ? { schema: name } : {}),
          properties,
          requiredProperties: (schema.required ?? []).filter((p: string) => properties.includes(p)),
        };
        requestExample = media.example;
        if (requestExample === undefined) throw new CompileError(at('requestBody: no example'));
      }

      // Lifecycle.
      const deprecated = op.deprecated === true;
      const replacement = op['x-atlas-kit-replacement'];
      const lifecycle: LifecycleFacts = {
        deprecated,
        ...(op['x-sunset'] !== undefined ? { sunset: day(op['x-sunset'], at('x-sunset')) } : {}),
        ...(op['x-atlas-kit-deprecated-since'] !== undefined
          ? { deprecatedSince: day(op['x-atlas-kit-deprecated-since'], at('x-atlas-kit-deprecated-since')) }
          : {}),
        ...(typeof replacement === 'string' ? { replacement } : {}),
        ...(deprecated && op.externalDocs?.url
          ? { successorDocs: { url: op.externalDocs.url, title: String(op.externalDocs.description ?? '') } }
          : {}),
      };
      if (deprecated && !lifecycle.replacement)
        throw new CompileError(at('deprecated, but no x-atlas-kit-replacement'));

      const limit = op['x-atlas-kit-rate-limit'] as RateLimitFacts | undefined;
      if (!limit || typeof limit.set !== 'string' || !(limit.capacity > 0) || !(limit.refill > 0)) {
        throw new CompileError(at('x-atlas-kit-rate-limit: missing or incomplete'));
      }
      const docsUrl = op['x-xgen-docs-url'];
      const docsOperationId = typeof docsUrl === 'string' ? docsAnchor.exec(docsUrl)?.[1] : undefined;
      if (!docsOperationId) throw new CompileError(at(`x-xgen-docs-url: no "/operation/<id>" in ${docsUrl}`));

      operations[id] = {
        operationId: id,
        formerOperationIds: [...(op['x-atlas-kit-former-operation-ids'] ?? [])],
        fragment: fragmentOf(path),
        method: method.toUpperCase() as HttpMethod,
        path,
        mswPath: path.replace(/\{([^{}]+)\}/g, ':$1'),
        summary: String(op.summary ?? ''),
        tags: [...(op.tags ?? [])],
        docsUrl,
        docsOperationId,
        version,
        mediaType: success.mediaType,
        parameters,
        ...(requestBody ? { requestBody } : {}),
        responses,
        statuses: Object.keys(responses)
          .map(Number)
          .sort((a, b) => a - b),
        lifecycle,
        rateLimit: {
          set: limit.set,
          capacity: limit.capacity,
          refill: limit.refill,
          refillSeconds: limit.refillSeconds,
        },
      };
      examples[id] = {
        ...(requestExample !== undefined ? { request: requestExample } : {}),
        success: success.example,
        successHeaders: success.headers,
        errors,
      };
    }
  }

  // Cross-checks: a replacement exists and lives; former ids never collide with current ones.
  for (const op of Object.values(operations)) {
    const next = op.lifecycle.replacement;
    if (next !== undefined) {
      const target = operations[next];
      if (!target) throw new CompileError(`${op.operationId}: replacement ${next} is not an operation of specs/`);
      if (target.lifecycle.deprecated) throw new CompileError(`${op.operationId}: replacement ${next} is deprecated`);
    }
    for (const former of op.formerOperationIds) {
      if (operations[former]) throw new CompileError(`${op.operationId}: former id ${former} is a current operationId`);
    }
  }

  // The generic code of a status is the one every shared answer of that status names; 406 and 410
  // are per operation in the overlay and must agree across operations.
  for (const op of Object.values(operations)) {
    for (const status of ['406', '410']) {
      const code = op.responses[status]?.errorCodes[0];
      if (code !== undefined) addGeneric(status, code);
    }
  }
  const errorCodes: Record<string, string> = {};
  for (const [status, codes] of [...genericCodes].sort(([a], [b]) => Number(a) - Number(b))) {
    if (codes.size !== 1) throw new CompileError(`HTTP ${status}: the shared answers name ${[...codes].join(', ')}`);
    errorCodes[status] = [...codes][0] as string;
  }

  const tokenUrl = doc.components?.securitySchemes?.ServiceAccounts?.flows?.clientCredentials?.tokenUrl;
  if (typeof tokenUrl !== 'string') throw new CompileError('components.securitySchemes.ServiceAccounts: no tokenUrl');
  const serverUrl = new URL(server);
  const token = new URL(tokenUrl, serverUrl);
  const prefix = serverUrl.pathname.replace(/\/+$/, '');
  const tokenPath =
    token.origin === serverUrl.origin && token.pathname.startsWith(`${prefix}/`)
      ? token.pathname.slice(prefix.length)
      : token.pathname;
  const digest = doc.components?.securitySchemes?.DigestAuth?.['x-atlas-kit-digest'];
  if (!digest?.realm) throw new CompileError('components.securitySchemes.DigestAuth: no x-atlas-kit-digest');

  const paths = Object.values(operations).map((op) => op.path);
  const apiPrefix = (paths[0] ?? '').slice(0, (paths[0] ?? '').indexOf('/groups/'));
  if (!apiPrefix || !paths.every((p) => p.startsWith(`${apiPrefix}/`))) {
    throw new CompileError('paths: the operations share no API prefix');
  }

  return {
    atlas: {
      serverUrl: server,
      apiPrefix,
      oauth: { tokenUrl, tokenPath },
      digest: { realm: digest.realm, algorithms: [...digest.algorithms], qop: digest.qop },
      errorCodes,
    },
    operations,
    examples,
  };
}
