// The shape of the facts `pnpm generate` compiles from specs/ (src/generated/operations.ts and
// src/generated/examples.ts). Hand-written so that the generated module can be checked against it
// (`satisfies`) while keeping its literal types.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ParameterFacts {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly type: 'string' | 'boolean' | 'integer' | 'number';
  /** The schema's `pattern` (JavaScript source, compiled with the `u` flag). */
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: string | number | boolean;
}

export interface RequestBodyFacts {
  /** The versioned media type the body is sent as. */
  readonly mediaType: string;
  readonly required: boolean;
  /** Name of the schema in `components.schemas`. */
  readonly schema?: string;
  /** Properties a request may carry (readOnly ones are the server's), in schema order. */
  readonly properties: readonly string[];
  /** Of those, the ones the schema requires. */
  readonly requiredProperties: readonly string[];
}

export interface ResponseFacts {
  /** The answer's media type (a versioned one for 2xx, `application/json` for errors). */
  readonly mediaType?: string;
  /** Name of the body schema in `components.schemas`. */
  readonly schema?: string;
  /** Documented response headers. */
  readonly headers: readonly string[];
  /** The errorCodes Atlas documents for this answer, the default first. */
  readonly errorCodes: readonly string[];
  /** Codes of upstream examples that say they "may not be related to this endpoint": never a default. */
  readonly unrelatedErrorCodes: readonly string[];
}

export interface LifecycleFacts {
  readonly deprecated: boolean;
  /** `x-sunset`, YYYY-MM-DD (UTC): from 00:00 that day the operation counts as sunset. */
  readonly sunset?: string;
  /** Default date of the Deprecation header, YYYY-MM-DD (see the overlay for why). */
  readonly deprecatedSince?: string;
  /** operationId of the operation that takes over. */
  readonly replacement?: string;
  /** The `externalDocs` upstream gives users of a deprecated operation. */
  readonly successorDocs?: { readonly url: string; readonly title: string };
}

export interface RateLimitFacts {
  /** Name of the limit set; requests count per set and project. */
  readonly set: string;
  readonly capacity: number;
  readonly refill: number;
  readonly refillSeconds: number;
}

export interface OperationFacts {
  readonly operationId: string;
  /** Earlier operationIds of the same method and path upstream. */
  readonly formerOperationIds: readonly string[];
  /** The specs/ fragment that holds it (`tenant-download`, …). */
  readonly fragment: string;
  readonly method: HttpMethod;
  /** Path template as the spec writes it, e.g. `/api/atlas/v2/groups/{groupId}/…`. */
  readonly path: string;
  /** The same path as an msw/path-to-regexp pattern (`:groupId`). */
  readonly mswPath: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** `x-xgen-docs-url` and the operation id its anchor names. */
  readonly docsUrl: string;
  readonly docsOperationId: string;
  /** The resource version, e.g. `2024-11-13`. */
  readonly version: string;
  /** The versioned media type of the operation (Accept, and Content-Type of a body). */
  readonly mediaType: string;
  /** Path parameters in path order, then query parameters. */
  readonly parameters: readonly ParameterFacts[];
  readonly requestBody?: RequestBodyFacts;
  readonly responses: Readonly<Record<string, ResponseFacts>>;
  /** Documented statuses, ascending. */
  readonly statuses: readonly number[];
  readonly lifecycle: LifecycleFacts;
  readonly rateLimit: RateLimitFacts;
}

/** Atlas's error body. */
export interface ErrorBody {
  readonly detail: string;
  readonly error: number;
  readonly errorCode: string;
  readonly parameters?: readonly unknown[];
  readonly reason: string;
}

export interface OperationExamples {
  /** The request body example. */
  readonly request?: unknown;
  /** The body of the 2xx answer. */
  readonly success: unknown;
  /** Example values of the 2xx answer's documented headers (e.g. Deprecation). */
  readonly successHeaders: Readonly<Record<string, string>>;
  /** Error bodies by status, then errorCode. */
  readonly errors: Readonly<Record<string, Readonly<Record<string, ErrorBody>>>>;
}

export interface AtlasFacts {
  /** `servers[0].url`: the default origin of client and mocks. */
  readonly serverUrl: string;
  /** The prefix every operation path shares, e.g. `/api/atlas/v2`. */
  readonly apiPrefix: string;
  readonly oauth: { readonly tokenUrl: string; readonly tokenPath: string };
  readonly digest: { readonly realm: string; readonly algorithms: readonly string[]; readonly qop: string };
  /** Atlas's generic errorCode per status (for answers no operation-specific code fits). */
  readonly errorCodes: Readonly<Record<string, string>>;
}
