// Validates values against the spec's schemas with ajv, so mocks, contracts and tests judge
// answers by the documents in specs/ rather than by hand-written expectations.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { atlasDocument, type OpenApiDocument } from './documents.ts';

// ajv-formats ships CommonJS; under NodeNext its default export sits on `.default`.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

type Node = Record<string, any>;

export interface ResponseCheck {
  operationId: string;
  status: number;
  headers: Headers | Record<string, string>;
  body: unknown;
}

export interface SpecValidator {
  /** Resolves a local `$ref` (`#/components/...`) once; other values come back as they are. */
  deref<T = Node>(node: T | { $ref: string }): T;
  /** Errors of `value` against an OpenAPI 3.0 schema object of the document; [] when valid. */
  validateSchema(schema: Node, value: unknown): string[];
  /** Errors of a whole answer (status documented, media type, headers, body) for an operation. */
  validateResponse(check: ResponseCheck): string[];
  /** The operation object and its path template for an operationId. */
  findOperation(operationId: string): { path: string; method: string; operation: Node };
}

export function createSpecValidator(doc: OpenApiDocument = atlasDocument): SpecValidator {
  // strict: false — OpenAPI 3.0 schemas carry keywords ajv does not know (example, externalDocs, x-*).
  // `nullable` and `discriminator` are OpenAPI keywords that ajv supports natively.
  const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
  addFormats(ajv);
  const compiled = new WeakMap<Node, ValidateFunction>();

  const deref = <T>(node: T | { $ref: string }): T => {
    let current: any = node;
    for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
      if (hops > 20 || !current.$ref.startsWith('#/')) throw new Error(`cannot resolve $ref ${current.$ref}`);
      current = current.$ref
        .slice(2)
        .split('/')
        .map((part: string) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce((at: any, key: string) => at?.[key], doc);
      if (current === undefined) throw new Error(`dangling $ref ${(node as Node).$ref}`);
    }
    return current as T;
  };

  const validateSchema = (schema: Node, value: unknown): string[] => {
    let validate = compiled.get(schema);
    if (!validate) {
      // The components travel with the schema so that `#/components/...` resolves inside it.
      validate = ajv.compile({ ...schema, components: doc.components });
      compiled.set(schema, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  };

  const findOperation = (operationId: string) => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries<Node>(item)) {
        if (operation?.operationId === operationId) return { path, method, operation };
      }
    }
    throw new Error(`operationId ${operationId} is not in the document`);
  };

  const validateResponse = ({ operationId, status, headers, body }: ResponseCheck): string[] => {
    const { operation } = findOperation(operationId);
    const response = operation.responses?.[String(status)];
    if (!response) return [`status ${status} is not documented for ${operationId}`];
    const resolved = deref<Node>(response);
    const get = (name: string) =>
      headers instanceof Headers
        ? headers.get(name)
        : (Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? null);
    const errors: string[] = [];
    for (const [name, header] of Object.entries<Node>(resolved.headers ?? {})) {
      const value = get(name);
      if (value === null) {
        errors.push(`header ${name} is missing`);
        continue;
      }
      const schema = deref<Node>(header).schema ?? {};
      const typed = schema.type === 'integer' || schema.type === 'number' ? Number(value) : value;
      errors.push(...validateSchema(schema, typed).map((e) => `header ${name}: ${e}`));
    }
    const content: Node = resolved.content ?? {};
    if (Object.keys(content).length === 0) return errors;
    const contentType = (get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const media = content[contentType];
    if (!media) return [...errors, `content-type "${contentType}" is not one of ${Object.keys(content).join(', ')}`];
    return [
      ...errors,
      ...validateSchema(media.schema ?? {}, body).map((e) => `body${e.startsWith('(root)') ? e.slice(6) : ` ${e}`}`),
    ];
  };

  return { deref, validateSchema, validateResponse, findOperation };
}
