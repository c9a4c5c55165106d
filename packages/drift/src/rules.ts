/*
 * The change kinds, as data: one row per rule with its severity (per direction where a request and a
 * response judge it differently), the area it concerns and its message template. The checks in
 * src/checks/ only say which rule fired, where, and with which values; the severity always comes from
 * here. README "Change kinds" is rendered from this table (`pnpm --filter @atlas-kit/drift readme`) and
 * the fixture-per-kind test reads it (test/rules.test.ts). Modelled on oasdiff's checker/rules.go.
 */

export type Severity = 'breaking' | 'warning' | 'info';
export type Direction = 'request' | 'response';

export type Area =
  | 'lifecycle'
  | 'operation'
  | 'security'
  | 'parameters'
  | 'request body'
  | 'responses'
  | 'headers'
  | 'properties'
  | 'schema'
  | 'docs';

type BySide = { request: Severity; response: Severity };

interface OperationRule {
  severity: Severity;
  /**
   * Lifecycle rules only: the severity with `--strict-lifecycle`, or while callers of the removed
   * operation remain (a caller list from a source scan).
   */
  escalated?: Severity;
  area: Area;
  /** `{name}` placeholders, filled by the check (values quoted and cut, see digest.ts `preview`) */
  message: string;
  /** description/example notes: never change a verdict, listed only with --verbose */
  docOnly?: true;
}

interface SchemaRule {
  severity: BySide;
  message: string;
}

const TIGHTER: BySide = { request: 'breaking', response: 'info' };
const LOOSER: BySide = { request: 'info', response: 'warning' };
const ALWAYS = (s: Severity): BySide => ({ request: s, response: s });

/** Rules with a fixed kind id: the operation, its lifecycle, parameters, bodies, statuses, headers, properties. */
export const OPERATION_RULES = {
  // lifecycle: the operation itself is gone or going
  'operation-removed': {
    severity: 'breaking',
    area: 'lifecycle',
    message: '{operation} is gone upstream, and it had no sunset date',
  },
  'operation-removed-before-sunset': {
    severity: 'breaking',
    area: 'lifecycle',
    message: '{operation} was removed {days} days before its sunset date {sunset}',
  },
  'operation-removed-after-sunset': {
    severity: 'warning',
    escalated: 'breaking',
    area: 'lifecycle',
    message: '{operation} is gone upstream {days} days after its sunset ({sunset}), as announced; {detail}',
  },
  'operation-removed-without-replacement': {
    severity: 'breaking',
    area: 'lifecycle',
    message: '{operation} is gone upstream after its sunset ({sunset}), and {detail}',
  },
  'operation-past-sunset': {
    severity: 'warning',
    area: 'lifecycle',
    message:
      '{operation} is past its sunset ({sunset}, {days} days ago): Atlas may stop serving it at any time; {detail}',
  },
  'replacement-operation-missing': {
    severity: 'warning',
    area: 'lifecycle',
    message: 'the replacement {replacement} is not in the upstream document either',
  },
  // the operation's identity
  'operation-path-changed': {
    severity: 'breaking',
    area: 'operation',
    message: 'path changed from {before} to {after}',
  },
  'operation-method-changed': {
    severity: 'breaking',
    area: 'operation',
    message: 'method changed from {before} to {after}',
  },
  'operation-id-changed': {
    severity: 'info',
    area: 'operation',
    message: 'operationId changed from {before} to {after}',
  },
  'operation-deprecated': { severity: 'info', area: 'operation', message: 'the operation is now deprecated' },
  'operation-undeprecated': { severity: 'info', area: 'operation', message: 'the operation is no longer deprecated' },
  'sunset-added': { severity: 'warning', area: 'operation', message: 'a sunset date was announced: {after}' },
  'sunset-removed': { severity: 'info', area: 'operation', message: 'the sunset date {before} was withdrawn' },
  'sunset-unparseable': {
    severity: 'warning',
    area: 'operation',
    message: 'x-sunset {after} is not a YYYY-MM-DD date (was {before})',
  },
  'sunset-moved-earlier': {
    severity: 'breaking',
    area: 'operation',
    message: 'sunset moved earlier, from {before} to {after}',
  },
  'sunset-moved-later': {
    severity: 'info',
    area: 'operation',
    message: 'sunset moved later, from {before} to {after}',
  },
  // security
  'security-added': { severity: 'breaking', area: 'security', message: 'authentication is now required: {after}' },
  'security-removed': {
    severity: 'info',
    area: 'security',
    message: 'the operation no longer declares authentication',
  },
  'security-requirement-removed': {
    severity: 'breaking',
    area: 'security',
    message: 'security alternative {name} ({signature}) is no longer accepted',
  },
  'security-requirement-added': {
    severity: 'info',
    area: 'security',
    message: 'new security alternative {name} ({signature})',
  },
  // parameters
  'request-path-parameter-removed': {
    severity: 'breaking',
    area: 'parameters',
    message: 'path parameter {name} was removed',
  },
  'request-parameter-removed': {
    severity: 'warning',
    area: 'parameters',
    message: '{required} {in} parameter {name} was removed',
  },
  'new-required-request-parameter': {
    severity: 'breaking',
    area: 'parameters',
    message: 'new required {in} parameter {name}',
  },
  'new-optional-request-parameter': {
    severity: 'info',
    area: 'parameters',
    message: 'new optional {in} parameter {name}',
  },
  'request-parameter-became-required': {
    severity: 'breaking',
    area: 'parameters',
    message: '{in} parameter {name} became required',
  },
  'request-parameter-became-optional': {
    severity: 'info',
    area: 'parameters',
    message: '{in} parameter {name} became optional',
  },
  'request-parameter-renamed': {
    severity: 'info',
    area: 'parameters',
    message: 'path parameter {before} is now named {after} (same position)',
  },
  'request-parameter-deprecated': {
    severity: 'info',
    area: 'parameters',
    message: '{in} parameter {name} is now deprecated',
  },
  'request-parameter-style-changed': {
    severity: 'warning',
    area: 'parameters',
    message: 'serialization (style/explode) of {name} changed',
  },
  // request body
  'request-body-added-required': {
    severity: 'breaking',
    area: 'request body',
    message: 'a required request body was added',
  },
  'request-body-added-optional': {
    severity: 'info',
    area: 'request body',
    message: 'an optional request body was added',
  },
  'request-body-removed': { severity: 'warning', area: 'request body', message: 'the request body was removed' },
  'request-body-became-required': {
    severity: 'breaking',
    area: 'request body',
    message: 'the request body became required',
  },
  'request-body-became-optional': {
    severity: 'info',
    area: 'request body',
    message: 'the request body became optional',
  },
  'request-media-type-removed': {
    severity: 'breaking',
    area: 'request body',
    message: 'media type {mediaType} is no longer accepted',
  },
  'request-media-type-added': { severity: 'info', area: 'request body', message: 'new request media type {mediaType}' },
  // responses
  'response-success-status-removed': {
    severity: 'breaking',
    area: 'responses',
    message: 'success status {status} was removed',
  },
  'response-success-status-added': { severity: 'info', area: 'responses', message: 'new success status {status}' },
  'response-non-success-status-removed': {
    severity: 'info',
    area: 'responses',
    message: 'status {status} is no longer documented',
  },
  'response-non-success-status-added': { severity: 'info', area: 'responses', message: 'new response status {status}' },
  'response-media-type-removed': {
    severity: 'breaking',
    area: 'responses',
    message: 'success responses no longer come as {mediaType}',
  },
  'response-error-media-type-removed': {
    severity: 'warning',
    area: 'responses',
    message: 'status {status} no longer comes as {mediaType}',
  },
  'response-media-type-added': { severity: 'info', area: 'responses', message: 'new response media type {mediaType}' },
  // response headers
  'response-required-header-removed': {
    severity: 'breaking',
    area: 'headers',
    message: 'required header {name} was removed',
  },
  'response-optional-header-removed': {
    severity: 'warning',
    area: 'headers',
    message: 'header {name} is no longer documented',
  },
  'response-header-added': { severity: 'info', area: 'headers', message: 'new header {name}' },
  'response-header-became-optional': {
    severity: 'breaking',
    area: 'headers',
    message: 'header {name} is no longer guaranteed',
  },
  'response-header-became-required': { severity: 'info', area: 'headers', message: 'header {name} is now always sent' },
  // properties of object schemas
  'request-property-removed': {
    severity: 'warning',
    area: 'properties',
    message: 'request property {name} was removed',
  },
  'response-property-removed': {
    severity: 'breaking',
    area: 'properties',
    message: 'response property {name} was removed',
  },
  'new-required-request-property': {
    severity: 'breaking',
    area: 'properties',
    message: 'new required request property {name}',
  },
  'new-optional-request-property': {
    severity: 'info',
    area: 'properties',
    message: 'new optional request property {name}',
  },
  'response-property-added': { severity: 'info', area: 'properties', message: 'new response property {name}' },
  'request-property-became-required': {
    severity: 'breaking',
    area: 'properties',
    message: 'request property {name} became required',
  },
  'request-property-became-optional': {
    severity: 'info',
    area: 'properties',
    message: 'request property {name} became optional',
  },
  'response-property-became-optional': {
    severity: 'breaking',
    area: 'properties',
    message: 'response property {name} may now be absent',
  },
  'response-property-became-required': {
    severity: 'info',
    area: 'properties',
    message: 'response property {name} is now always present',
  },
  'request-property-deprecated': { severity: 'info', area: 'properties', message: 'property {name} is now deprecated' },
  'response-property-deprecated': {
    severity: 'info',
    area: 'properties',
    message: 'property {name} is now deprecated',
  },
  // documentation
  'description-changed': { severity: 'info', area: 'docs', message: 'description {what}', docOnly: true },
  'summary-changed': { severity: 'info', area: 'docs', message: 'summary {what}', docOnly: true },
  'example-changed': { severity: 'info', area: 'docs', message: 'example {what}', docOnly: true },
  'code-samples-changed': { severity: 'info', area: 'docs', message: 'x-codeSamples {what}', docOnly: true },
} as const satisfies Record<string, OperationRule>;

/**
 * Rules about one schema; the kind is `<prefix>-<id>` with the prefix saying where the schema sits
 * (`request-property-pattern-added`). Severity depends on the direction only, never on the prefix.
 */
export const SCHEMA_RULES = {
  'type-changed': { severity: ALWAYS('breaking'), message: 'type changed from {before} to {after}' },
  // a wider request type accepts what clients send, a wider response type can surprise them
  'type-widened': {
    severity: { request: 'info', response: 'breaking' },
    message: 'type widened from {before} to {after}',
  },
  'type-narrowed': { severity: TIGHTER, message: 'type narrowed from {before} to {after}' },
  'format-added': { severity: { request: 'warning', response: 'info' }, message: 'format {after} added' },
  'format-removed': { severity: { request: 'info', response: 'warning' }, message: 'format {before} removed' },
  'format-changed': { severity: ALWAYS('breaking'), message: 'format changed from {before} to {after}' },
  'became-nullable': { severity: { request: 'info', response: 'breaking' }, message: 'the value can now be null' },
  'became-not-nullable': { severity: TIGHTER, message: 'the value can no longer be null' },
  'enum-value-removed': { severity: TIGHTER, message: 'enum value(s) removed: {values}' },
  'enum-value-added': { severity: LOOSER, message: 'enum value(s) added: {values}' },
  'enum-added': { severity: TIGHTER, message: 'values are now restricted to {values}' },
  'enum-removed': { severity: LOOSER, message: 'the enum {values} was dropped: any value is now allowed' },
  'pattern-added': { severity: { request: 'warning', response: 'info' }, message: 'pattern {after} added' },
  'pattern-removed': { severity: { request: 'info', response: 'warning' }, message: 'pattern {before} removed' },
  'pattern-changed': { severity: ALWAYS('warning'), message: 'pattern changed from {before} to {after}' },
  'multiple-of-changed': { severity: ALWAYS('warning'), message: 'multipleOf changed from {before} to {after}' },
  'unique-items-set': { severity: TIGHTER, message: 'items must now be unique' },
  'unique-items-unset': { severity: LOOSER, message: 'items need no longer be unique' },
  'default-changed': {
    severity: { request: 'warning', response: 'info' },
    message: 'default changed from {before} to {after}',
  },
  'discriminator-changed': { severity: ALWAYS('warning'), message: 'discriminator changed from {before} to {after}' },
  'additional-properties-forbidden': { severity: TIGHTER, message: 'additional properties are no longer allowed' },
  'additional-properties-allowed': { severity: LOOSER, message: 'additional properties are now allowed' },
  'items-schema-added': { severity: TIGHTER, message: 'array items are now constrained' },
  'items-schema-removed': { severity: LOOSER, message: 'array items are no longer described' },
  'not-changed': { severity: ALWAYS('warning'), message: '`not` constraint changed' },
  'one-of-removed': { severity: TIGHTER, message: 'oneOf variant {name} was removed' },
  'one-of-added': { severity: LOOSER, message: 'oneOf variant {name} was added' },
  'any-of-removed': { severity: TIGHTER, message: 'anyOf variant {name} was removed' },
  'any-of-added': { severity: LOOSER, message: 'anyOf variant {name} was added' },
  // allOf: a part removed loosens, a part added tightens (only an allOf that recurses; others are flattened)
  'all-of-removed': { severity: LOOSER, message: 'allOf part {name} was removed' },
  'all-of-added': { severity: TIGHTER, message: 'allOf part {name} was added' },
  'schema-added': { severity: { request: 'warning', response: 'info' }, message: 'a schema was added' },
  'schema-removed': { severity: LOOSER, message: 'the schema was removed (any value)' },
} as const satisfies Record<string, SchemaRule>;

/**
 * Numeric bounds (`minimum`, `maxLength`, …) × what happened to them. Whether a change tightens
 * depends on the side of the bound: a lower bound increased tightens, an upper bound increased loosens.
 */
export const BOUNDS = {
  minimum: 'lower',
  'exclusive-minimum': 'lower',
  'min-length': 'lower',
  'min-items': 'lower',
  'min-properties': 'lower',
  maximum: 'upper',
  'exclusive-maximum': 'upper',
  'max-length': 'upper',
  'max-items': 'upper',
  'max-properties': 'upper',
} as const;

export const BOUND_CHANGES = {
  set: { lower: TIGHTER, upper: TIGHTER },
  removed: { lower: LOOSER, upper: LOOSER },
  increased: { lower: TIGHTER, upper: LOOSER },
  decreased: { lower: LOOSER, upper: TIGHTER },
} as const;

export const BOUND_MESSAGE = '{bound} {change}: {before} → {after}';

/** Where a schema sits; the first part of a schema rule's kind. */
export const SCHEMA_PREFIXES = [
  'request-parameter',
  'request-body',
  'request-property',
  'response-body',
  'response-header',
  'response-property',
] as const;

export type OperationKind = keyof typeof OPERATION_RULES;
export type SchemaPrefix = (typeof SCHEMA_PREFIXES)[number];
export type BoundId = keyof typeof BOUNDS;
export type BoundChange = keyof typeof BOUND_CHANGES;
export type SchemaRuleId = keyof typeof SCHEMA_RULES | `${BoundId}-${BoundChange}`;
export type SchemaKind = `${SchemaPrefix}-${SchemaRuleId}`;
/** Every kind a change can have: the ids of the table above. */
export type Kind = OperationKind | SchemaKind;

const directionOf = (prefix: SchemaPrefix): Direction => (prefix.startsWith('request') ? 'request' : 'response');

export function schemaRule(id: SchemaRuleId): { severity: BySide; message: string } {
  if (id in SCHEMA_RULES) return SCHEMA_RULES[id as keyof typeof SCHEMA_RULES];
  const cut = id.lastIndexOf('-');
  const bound = id.slice(0, cut) as BoundId;
  const change = id.slice(cut + 1) as BoundChange;
  return { severity: BOUND_CHANGES[change][BOUNDS[bound]], message: BOUND_MESSAGE };
}

/** The severity the table gives a kind (escalated: the lifecycle rules' strict severity). */
export function severityOf(kind: Kind, escalated = false): Severity {
  if (kind in OPERATION_RULES) {
    const rule: OperationRule = OPERATION_RULES[kind as OperationKind];
    return escalated && rule.escalated ? rule.escalated : rule.severity;
  }
  const prefix = SCHEMA_PREFIXES.find((p) => kind.startsWith(`${p}-`));
  if (!prefix) throw new Error(`unknown change kind ${kind}`);
  return schemaRule(kind.slice(prefix.length + 1) as SchemaRuleId).severity[directionOf(prefix)];
}

export function messageTemplate(kind: Kind): string {
  if (kind in OPERATION_RULES) return OPERATION_RULES[kind as OperationKind].message;
  const prefix = SCHEMA_PREFIXES.find((p) => kind.startsWith(`${p}-`)) as SchemaPrefix;
  return schemaRule(kind.slice(prefix.length + 1) as SchemaRuleId).message;
}

export const isDocOnly = (kind: Kind): boolean =>
  kind in OPERATION_RULES && (OPERATION_RULES[kind as OperationKind] as OperationRule).docOnly === true;

/** One row per rule (bounds expanded), in table order: what the README table and the fixture test iterate. */
export interface RuleRow {
  /** the kind, or `<prefix>-<id>` for schema rules */
  id: string;
  area: Area;
  severity: Severity | BySide;
  escalated?: Severity;
  message: string;
  docOnly?: boolean;
  /** schema rules: the kinds it stands for are `${prefix}-${rule}` */
  schemaRule?: SchemaRuleId;
}

export function ruleRows(): RuleRow[] {
  const rows: RuleRow[] = Object.entries(OPERATION_RULES).map(([id, r]) => {
    const rule: OperationRule = r;
    return {
      id,
      area: rule.area,
      severity: rule.severity,
      message: rule.message,
      ...(rule.escalated ? { escalated: rule.escalated } : {}),
      ...(rule.docOnly ? { docOnly: true } : {}),
    };
  });
  const schemaIds: SchemaRuleId[] = [
    ...(Object.keys(SCHEMA_RULES) as SchemaRuleId[]),
    ...Object.keys(BOUNDS).flatMap((b) => Object.keys(BOUND_CHANGES).map((c) => `${b}-${c}` as SchemaRuleId)),
  ];
  for (const id of schemaIds) {
    const rule = schemaRule(id);
    rows.push({ id: `<prefix>-${id}`, area: 'schema', severity: rule.severity, message: rule.message, schemaRule: id });
  }
  return rows;
}
