import { type Change, change, type MessageValue } from './change.ts';
import type { DiffContext, SchemaAt } from './checks/context.ts';
import { OPERATION_CHECKS, SCHEMA_CHECKS } from './checks/index.ts';
import type { OperationModel, SchemaNode } from './model.ts';
import type { Direction, OperationKind, SchemaRuleId } from './rules.ts';

export type { Change } from './change.ts';

/**
 * Structural diff of two normalized operations, classified on oasdiff's model (breaking ≈ ERR,
 * warning ≈ WARN, info ≈ INFO) from the point of view of a client written against `baseline`.
 * The walker runs the checks of src/checks/ and owns recursion: a pair of schemas is compared once
 * per direction, so recursive schemas terminate and a shared component is reported once.
 */
export function compareOperations(baseline: OperationModel, upstream: OperationModel): Change[] {
  const walker = new Walker();
  for (const check of OPERATION_CHECKS) check(baseline, upstream, walker);
  return walker.changes;
}

class Walker implements DiffContext {
  readonly changes: Change[] = [];
  private readonly seen: Record<Direction, WeakMap<SchemaNode, WeakSet<SchemaNode>>> = {
    request: new WeakMap(),
    response: new WeakMap(),
  };

  report(kind: OperationKind, location: string, values: Record<string, MessageValue> = {}): void {
    this.changes.push(change(kind, location, values));
  }

  reportSchema(id: SchemaRuleId, at: SchemaAt, values: Record<string, MessageValue> = {}, location?: string): void {
    this.changes.push(change(`${at.prefix}-${id}`, location ?? at.loc, values));
  }

  schema(b: SchemaNode, u: SchemaNode, at: SchemaAt): void {
    let partners = this.seen[at.dir].get(b);
    if (!partners) {
      partners = new WeakSet();
      this.seen[at.dir].set(b, partners);
    }
    if (partners.has(u)) return;
    partners.add(u);
    for (const check of SCHEMA_CHECKS) check(b, u, at, this);
  }

  optionalSchema(b: SchemaNode | undefined, u: SchemaNode | undefined, at: SchemaAt): void {
    if (b && u) this.schema(b, u, at);
    else if (b) this.reportSchema('schema-removed', at);
    else if (u) this.reportSchema('schema-added', at);
  }
}
