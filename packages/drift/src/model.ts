/**
 * The normalized, $ref-free view of one operation that the comparison works on. Only structural
 * keywords are kept as fields; descriptions/examples/code samples live in `docs` and can only
 * produce verbose-only notes. Nodes reached through the same $ref are the same object, and a
 * recursive schema is a cycle in this graph (never expanded), so building and walking terminate.
 */
export interface SchemaNode {
  /** component name when reached through a $ref — informational only, never compared */
  ref?: string;
  /** sorted JSON types without 'null'; undefined = any type */
  types?: string[];
  nullable: boolean;
  format?: string;
  /** enum (or 3.1 `const` as a one-value enum) */
  enum?: unknown[];
  pattern?: string;
  required: string[];
  properties?: Record<string, SchemaNode>;
  /** undefined = not stated (allowed) */
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  not?: SchemaNode;
  /** numbers only: OpenAPI 3.0's `exclusiveMinimum: true` + `minimum: m` is read as 3.1's `exclusiveMinimum: m` */
  bounds: Partial<Record<BoundKey, number>>;
  multipleOf?: number;
  uniqueItems?: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  hasDefault: boolean;
  default?: unknown;
  discriminator?: string;
  docs: Docs;
}

export type BoundKey =
  | 'minimum'
  | 'exclusiveMinimum'
  | 'minLength'
  | 'minItems'
  | 'minProperties'
  | 'maximum'
  | 'exclusiveMaximum'
  | 'maxLength'
  | 'maxItems'
  | 'maxProperties';

export const LOWER_BOUNDS: BoundKey[] = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
export const UPPER_BOUNDS: BoundKey[] = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

export interface Docs {
  summary?: string;
  description?: string;
  title?: string;
  /** digest of example/examples (compared, never quoted: it may be an alias bomb), for verbose-only notes */
  examples?: string;
  /** digest of x-codeSamples */
  codeSamples?: string;
}

export interface ParameterModel {
  in: string;
  name: string;
  required: boolean;
  deprecated: boolean;
  style?: string;
  explode?: boolean;
  schema?: SchemaNode;
  /** 0-based position of a path parameter in the path template; -1 if not a template parameter */
  position: number;
  docs: Docs;
}

export interface HeaderModel {
  name: string;
  required: boolean;
  deprecated: boolean;
  schema?: SchemaNode;
  docs: Docs;
}

export interface MediaTypeModel {
  schema?: SchemaNode;
  docs: Docs;
}

export interface RequestBodyModel {
  required: boolean;
  content: Record<string, MediaTypeModel>;
  docs: Docs;
}

export interface ResponseModel {
  /** keyed by lower-cased header name */
  headers: Record<string, HeaderModel>;
  content: Record<string, MediaTypeModel>;
  docs: Docs;
}

export interface SecurityModel {
  /** one signature per alternative requirement, e.g. "http/digest" or "oauth2/clientCredentials" */
  alternatives: string[];
  /** signature -> the names used in this document, for messages */
  names: Record<string, string>;
}

export interface OperationModel {
  method: string;
  path: string;
  operationId?: string;
  deprecated: boolean;
  /** x-sunset as written (YYYY-MM-DD expected) */
  sunset?: string;
  security: SecurityModel;
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  /** keyed by status code ('200', '4XX', 'default') */
  responses: Record<string, ResponseModel>;
  docs: Docs;
}
