import type { Change, MessageValue } from '../change.ts';
import type { OperationModel, SchemaNode } from '../model.ts';
import type { Direction, OperationKind, SchemaPrefix, SchemaRuleId } from '../rules.ts';

/** Where a schema sits: its direction, the kind prefix it reports under, and its location. */
export interface SchemaAt {
  dir: Direction;
  prefix: SchemaPrefix;
  loc: string;
}

/** What a check may do: report a change from the table, or hand sub-schemas back to the walker. */
export interface DiffContext {
  report(kind: OperationKind, location: string, values?: Record<string, MessageValue>): void;
  reportSchema(id: SchemaRuleId, at: SchemaAt, values?: Record<string, MessageValue>, location?: string): void;
  /** compares two schemas (recursion and shared components are the walker's business) */
  schema(b: SchemaNode, u: SchemaNode, at: SchemaAt): void;
  /** a parameter, header or media type that may have no schema on either side */
  optionalSchema(b: SchemaNode | undefined, u: SchemaNode | undefined, at: SchemaAt): void;
  readonly changes: Change[];
}

export type OperationCheck = (b: OperationModel, u: OperationModel, ctx: DiffContext) => void;
export type SchemaCheck = (b: SchemaNode, u: SchemaNode, at: SchemaAt, ctx: DiffContext) => void;

/** `loc.name`, or `loc["odd name"]` when the name is not a plain identifier; an upstream name is cut at 200 characters. */
export function propPath(loc: string, name: string): string {
  const cut = name.length > 200 ? `${name.slice(0, 200)}…` : name;
  return /^[A-Za-z0-9_$@-]+$/.test(cut) ? `${loc}.${cut}` : `${loc}[${JSON.stringify(cut)}]`;
}
