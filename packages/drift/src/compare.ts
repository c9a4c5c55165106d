import { routeKey } from './locate.ts';
import type {
  HeaderModel,
  MediaTypeModel,
  OperationModel,
  ParameterModel,
  ResponseModel,
  SchemaNode,
} from './model.ts';
import { LOWER_BOUNDS, UPPER_BOUNDS } from './model.ts';

export type Severity = 'breaking' | 'warning' | 'info';

export interface Change {
  severity: Severity;
  /** stable kebab-case id (see README.md for the catalogue) */
  kind: string;
  location: string;
  message: string;
  /** description/example/code-sample notes: never affect a verdict, shown only with --verbose */
  docOnly?: boolean;
  acknowledged?: { reason: string; expires?: string };
}

type Direction = 'request' | 'response';
type Subject = 'parameter' | 'body' | 'header' | 'property';

interface Ctx {
  dir: Direction;
  subject: Subject;
  loc: string;
}

/** Severity of one change as seen by a consumer: what is safe for a request can break a response and vice versa. */
const by = (dir: Direction, request: Severity, response: Severity): Severity =>
  dir === 'request' ? request : response;

const isSuccess = (status: string) => status.startsWith('2');

const show = (v: unknown) => JSON.stringify(v);

function propPath(loc: string, name: string): string {
  return /^[A-Za-z0-9_$@-]+$/.test(name) ? `${loc}.${name}` : `${loc}[${JSON.stringify(name)}]`;
}

/**
 * Structural diff of two normalized operations, classified on oasdiff's model (breaking ≈ ERR,
 * warning ≈ WARN, info ≈ INFO) from the point of view of a client written against `baseline`.
 */
export function compareOperations(baseline: OperationModel, upstream: OperationModel): Change[] {
  const differ = new Differ();
  differ.operation(baseline, upstream);
  return differ.changes;
}

export class Differ {
  readonly changes: Change[] = [];
  // pairs already compared, per direction: recursive schemas terminate, shared components are reported once
  private readonly seen: Record<Direction, WeakMap<SchemaNode, WeakSet<SchemaNode>>> = {
    request: new WeakMap(),
    response: new WeakMap(),
  };

  add(severity: Severity, kind: string, location: string, message: string): void {
    this.changes.push({ severity, kind, location, message });
  }

  doc(kind: string, location: string, what: string, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    const message =
      before === undefined ? `${what} added` : after === undefined ? `${what} removed` : `${what} changed`;
    this.changes.push({ severity: 'info', kind, location, message, docOnly: true });
  }

  operation(b: OperationModel, u: OperationModel): void {
    // a renamed template parameter is not a new path (reported per parameter instead)
    if (routeKey(b.path) !== routeKey(u.path)) {
      this.add('breaking', 'operation-path-changed', 'operation.path', `path changed from ${b.path} to ${u.path}`);
    }
    if (b.method !== u.method) {
      this.add(
        'breaking',
        'operation-method-changed',
        'operation.method',
        `method changed from ${b.method} to ${u.method}`,
      );
    }
    if (b.operationId !== u.operationId) {
      this.add(
        'info',
        'operation-id-changed',
        'operation.operationId',
        `operationId changed from ${b.operationId ?? '(none)'} to ${u.operationId ?? '(none)'}`,
      );
    }
    if (!b.deprecated && u.deprecated) {
      this.add('info', 'operation-deprecated', 'operation.deprecated', 'the operation is now deprecated');
    } else if (b.deprecated && !u.deprecated) {
      this.add('info', 'operation-undeprecated', 'operation.deprecated', 'the operation is no longer deprecated');
    }
    this.sunset(b.sunset, u.sunset);
    this.security(b, u);
    this.doc('summary-changed', 'operation.summary', 'summary', b.docs.summary, u.docs.summary);
    this.doc('description-changed', 'operation.description', 'description', b.docs.description, u.docs.description);
    this.doc(
      'code-samples-changed',
      'operation.x-codeSamples',
      'x-codeSamples',
      b.docs.codeSamples,
      u.docs.codeSamples,
    );
    this.parameters(b, u);
    this.requestBody(b, u);
    this.responses(b, u);
  }

  private sunset(b: string | undefined, u: string | undefined): void {
    const loc = 'operation.x-sunset';
    if (b === u) return;
    if (b === undefined) {
      this.add('warning', 'sunset-added', loc, `a sunset date was announced: ${u}`);
    } else if (u === undefined) {
      this.add('info', 'sunset-removed', loc, `the sunset date ${b} was withdrawn`);
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(u) || Number.isNaN(Date.parse(u))) {
      this.add('warning', 'sunset-unparseable', loc, `x-sunset ${show(u)} is not a YYYY-MM-DD date (was ${b})`);
    } else if (u < b) {
      this.add('breaking', 'sunset-moved-earlier', loc, `sunset moved earlier, from ${b} to ${u}`);
    } else {
      this.add('info', 'sunset-moved-later', loc, `sunset moved later, from ${b} to ${u}`);
    }
  }

  private security(b: OperationModel, u: OperationModel): void {
    const loc = 'operation.security';
    const bs = b.security.alternatives;
    const us = u.security.alternatives;
    if (bs.length === 0 && us.length > 0) {
      this.add(
        'breaking',
        'security-added',
        loc,
        `authentication is now required: ${us.map((s) => u.security.names[s]).join(' or ')}`,
      );
      return;
    }
    if (us.length === 0 && bs.length > 0) {
      this.add('info', 'security-removed', loc, 'the operation no longer declares authentication');
      return;
    }
    for (const sig of bs) {
      if (!us.includes(sig)) {
        this.add(
          'breaking',
          'security-requirement-removed',
          loc,
          `security alternative ${b.security.names[sig]} (${sig}) is no longer accepted`,
        );
      }
    }
    for (const sig of us) {
      if (!bs.includes(sig)) {
        this.add(
          'info',
          'security-requirement-added',
          loc,
          `new security alternative ${u.security.names[sig]} (${sig})`,
        );
      }
    }
  }

  private parameters(b: OperationModel, u: OperationModel): void {
    // path parameters pair by position in the template (a rename is not a removal); others by in + name
    const key = (p: ParameterModel) =>
      p.in === 'path' && p.position >= 0
        ? `path:#${p.position}`
        : `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
    const ups = new Map(u.parameters.map((p) => [key(p), p]));
    const bases = new Map(b.parameters.map((p) => [key(p), p]));
    for (const [k, bp] of bases) {
      const loc = `parameters.${bp.in}.${bp.name}`;
      const up = ups.get(k);
      if (!up) {
        if (bp.in === 'path') {
          this.add('breaking', 'request-parameter-removed', loc, `path parameter ${bp.name} was removed`);
        } else {
          this.add(
            'warning',
            'request-parameter-removed',
            loc,
            `${bp.required ? 'required' : 'optional'} ${bp.in} parameter ${bp.name} was removed`,
          );
        }
        continue;
      }
      this.parameter(bp, up, loc);
    }
    for (const [k, up] of ups) {
      if (bases.has(k)) continue;
      const loc = `parameters.${up.in}.${up.name}`;
      if (up.required) {
        this.add('breaking', 'new-required-request-parameter', loc, `new required ${up.in} parameter ${up.name}`);
      } else {
        this.add('info', 'new-optional-request-parameter', loc, `new optional ${up.in} parameter ${up.name}`);
      }
    }
  }

  private parameter(bp: ParameterModel, up: ParameterModel, loc: string): void {
    if (bp.name !== up.name) {
      this.add('info', 'request-parameter-renamed', loc, `path parameter {${bp.name}} is now named {${up.name}}`);
    }
    if (!bp.required && up.required) {
      this.add('breaking', 'request-parameter-became-required', loc, `${bp.in} parameter ${bp.name} became required`);
    } else if (bp.required && !up.required) {
      this.add('info', 'request-parameter-became-optional', loc, `${bp.in} parameter ${bp.name} became optional`);
    }
    if (!bp.deprecated && up.deprecated) {
      this.add('info', 'request-parameter-deprecated', loc, `${bp.in} parameter ${bp.name} is now deprecated`);
    }
    if ((bp.style ?? '') !== (up.style ?? '') || (bp.explode ?? null) !== (up.explode ?? null)) {
      this.add(
        'warning',
        'request-parameter-style-changed',
        loc,
        `serialization (style/explode) of ${bp.name} changed`,
      );
    }
    this.doc('description-changed', loc, 'description', bp.docs.description, up.docs.description);
    this.optionalSchemas(bp.schema, up.schema, { dir: 'request', subject: 'parameter', loc });
  }

  private requestBody(b: OperationModel, u: OperationModel): void {
    const loc = 'requestBody';
    const bb = b.requestBody;
    const ub = u.requestBody;
    if (!bb && !ub) return;
    if (!bb && ub) {
      if (ub.required) this.add('breaking', 'request-body-added-required', loc, 'a required request body was added');
      else this.add('info', 'request-body-added-optional', loc, 'an optional request body was added');
      return;
    }
    if (bb && !ub) {
      this.add('warning', 'request-body-removed', loc, 'the request body was removed');
      return;
    }
    if (!bb || !ub) return;
    if (!bb.required && ub.required)
      this.add('breaking', 'request-body-became-required', loc, 'the request body became required');
    if (bb.required && !ub.required)
      this.add('info', 'request-body-became-optional', loc, 'the request body became optional');
    this.doc('description-changed', loc, 'description', bb.docs.description, ub.docs.description);
    this.content(bb.content, ub.content, 'request', loc, true);
  }

  private content(
    b: Record<string, MediaTypeModel>,
    u: Record<string, MediaTypeModel>,
    dir: Direction,
    loc: string,
    success: boolean,
  ): void {
    for (const [mt, bm] of Object.entries(b)) {
      const mloc = `${loc}.content[${mt}]`;
      const um = u[mt];
      if (!um) {
        const severity: Severity = dir === 'request' || success ? 'breaking' : 'warning';
        this.add(
          severity,
          `${dir}-media-type-removed`,
          mloc,
          `media type ${mt} is no longer ${dir === 'request' ? 'accepted' : 'returned'}`,
        );
        continue;
      }
      this.doc('example-changed', mloc, 'example', bm.docs.examples, um.docs.examples);
      this.optionalSchemas(bm.schema, um.schema, { dir, subject: 'body', loc: `${mloc}.schema` });
    }
    for (const mt of Object.keys(u)) {
      if (!b[mt]) this.add('info', `${dir}-media-type-added`, `${loc}.content[${mt}]`, `new media type ${mt}`);
    }
  }

  private responses(b: OperationModel, u: OperationModel): void {
    for (const [status, br] of Object.entries(b.responses)) {
      const loc = `responses.${status}`;
      const ur = u.responses[status];
      if (!ur) {
        if (isSuccess(status)) {
          this.add('breaking', 'response-success-status-removed', loc, `success status ${status} was removed`);
        } else {
          this.add('info', 'response-non-success-status-removed', loc, `status ${status} is no longer documented`);
        }
        continue;
      }
      this.response(status, br, ur, loc);
    }
    for (const status of Object.keys(u.responses)) {
      if (b.responses[status]) continue;
      const kind = isSuccess(status) ? 'response-success-status-added' : 'response-non-success-status-added';
      this.add('info', kind, `responses.${status}`, `new response status ${status}`);
    }
  }

  private response(status: string, br: ResponseModel, ur: ResponseModel, loc: string): void {
    this.doc('description-changed', loc, 'description', br.docs.description, ur.docs.description);
    for (const [name, bh] of Object.entries(br.headers)) {
      const hloc = `${loc}.headers.${bh.name}`;
      const uh = ur.headers[name];
      if (!uh) {
        if (bh.required)
          this.add('breaking', 'response-required-header-removed', hloc, `required header ${bh.name} was removed`);
        else this.add('warning', 'response-optional-header-removed', hloc, `header ${bh.name} is no longer documented`);
        continue;
      }
      this.header(bh, uh, hloc);
    }
    for (const [name, uh] of Object.entries(ur.headers)) {
      if (!br.headers[name])
        this.add('info', 'response-header-added', `${loc}.headers.${uh.name}`, `new header ${uh.name}`);
    }
    this.content(br.content, ur.content, 'response', loc, isSuccess(status));
  }

  private header(bh: HeaderModel, uh: HeaderModel, loc: string): void {
    if (bh.required && !uh.required) {
      this.add('breaking', 'response-header-became-optional', loc, `header ${bh.name} is no longer guaranteed`);
    } else if (!bh.required && uh.required) {
      this.add('info', 'response-header-became-required', loc, `header ${bh.name} is now always sent`);
    }
    this.doc('description-changed', loc, 'description', bh.docs.description, uh.docs.description);
    this.optionalSchemas(bh.schema, uh.schema, { dir: 'response', subject: 'header', loc });
  }

  private optionalSchemas(b: SchemaNode | undefined, u: SchemaNode | undefined, ctx: Ctx): void {
    if (b && u) this.schema(b, u, ctx);
    else if (b && !u) {
      this.add(
        by(ctx.dir, 'info', 'warning'),
        `${ctx.dir}-${ctx.subject}-schema-removed`,
        ctx.loc,
        'the schema was removed (any value)',
      );
    } else if (!b && u) {
      this.add(by(ctx.dir, 'warning', 'info'), `${ctx.dir}-${ctx.subject}-schema-added`, ctx.loc, 'a schema was added');
    }
  }

  schema(b: SchemaNode, u: SchemaNode, ctx: Ctx): void {
    const seen = this.seen[ctx.dir];
    let partners = seen.get(b);
    if (!partners) {
      partners = new WeakSet();
      seen.set(b, partners);
    }
    if (partners.has(u)) return;
    partners.add(u);

    const { dir, loc } = ctx;
    const X = `${dir}-${ctx.subject}`;
    const nested: Ctx = { dir, subject: 'property', loc };

    this.types(b, u, ctx, X);
    this.format(b, u, ctx, X);
    if (!b.nullable && u.nullable)
      this.add(by(dir, 'info', 'breaking'), `${X}-became-nullable`, loc, 'the value can now be null');
    if (b.nullable && !u.nullable)
      this.add(by(dir, 'breaking', 'info'), `${X}-became-not-nullable`, loc, 'the value can no longer be null');
    this.enums(b, u, ctx, X);
    this.pattern(b, u, ctx, X);
    this.bounds(b, u, ctx, X);
    if (b.multipleOf !== u.multipleOf) {
      this.add(
        'warning',
        `${X}-multiple-of-changed`,
        loc,
        `multipleOf changed from ${b.multipleOf} to ${u.multipleOf}`,
      );
    }
    if (!b.uniqueItems && u.uniqueItems)
      this.add(by(dir, 'breaking', 'info'), `${X}-unique-items-set`, loc, 'items must now be unique');
    if (b.uniqueItems && !u.uniqueItems)
      this.add(by(dir, 'info', 'warning'), `${X}-unique-items-unset`, loc, 'items need no longer be unique');
    if (b.hasDefault !== u.hasDefault || (b.hasDefault && show(b.default) !== show(u.default))) {
      this.add(
        by(dir, 'warning', 'info'),
        `${X}-default-changed`,
        loc,
        `default changed from ${b.hasDefault ? show(b.default) : '(none)'} to ${u.hasDefault ? show(u.default) : '(none)'}`,
      );
    }
    if (b.discriminator !== u.discriminator) {
      this.add(
        'warning',
        `${X}-discriminator-changed`,
        loc,
        `discriminator changed from ${b.discriminator ?? '(none)'} to ${u.discriminator ?? '(none)'}`,
      );
    }
    this.doc('description-changed', loc, 'description', b.docs.description, u.docs.description);
    this.doc('example-changed', loc, 'example', b.docs.examples, u.docs.examples);

    this.properties(b, u, ctx);
    this.additionalProperties(b, u, ctx, X);
    if (b.items && u.items) this.schema(b.items, u.items, { ...nested, loc: `${loc}[]` });
    else if (b.items && !u.items && u.types?.includes('array')) {
      this.add(
        by(dir, 'info', 'warning'),
        `${X}-items-schema-removed`,
        `${loc}[]`,
        'array items are no longer described',
      );
    } else if (!b.items && u.items) {
      this.add(by(dir, 'breaking', 'info'), `${X}-items-schema-added`, `${loc}[]`, 'array items are now constrained');
    }
    if (b.not && u.not) this.schema(b.not, u.not, { ...ctx, loc: `${loc}.not` });
    else if (!!b.not !== !!u.not) this.add('warning', `${X}-not-changed`, loc, '`not` constraint changed');
    this.composition('oneOf', b.oneOf, u.oneOf, ctx, X);
    this.composition('anyOf', b.anyOf, u.anyOf, ctx, X);
    this.composition('allOf', b.allOf, u.allOf, ctx, X);
  }

  private types(b: SchemaNode, u: SchemaNode, { dir, loc }: Ctx, X: string): void {
    const bt = b.types;
    const ut = u.types;
    if (show(bt) === show(ut)) return;
    const covers = (outer: string[] | undefined, inner: string[] | undefined) =>
      outer === undefined || inner?.every((t) => outer.includes(t) || (t === 'integer' && outer.includes('number')));
    const widened = covers(ut, bt);
    const narrowed = covers(bt, ut);
    const severity = dir === 'request' ? (widened ? 'info' : 'breaking') : narrowed ? 'info' : 'breaking';
    this.add(
      severity,
      `${X}-type-changed`,
      loc,
      `type changed from ${bt?.join('|') ?? 'any'} to ${ut?.join('|') ?? 'any'}`,
    );
  }

  private format(b: SchemaNode, u: SchemaNode, { dir, loc }: Ctx, X: string): void {
    if (b.format === u.format) return;
    if (b.format === undefined) {
      this.add(by(dir, 'warning', 'info'), `${X}-format-added`, loc, `format ${u.format} added`);
    } else if (u.format === undefined) {
      this.add(by(dir, 'info', 'warning'), `${X}-format-removed`, loc, `format ${b.format} removed`);
    } else {
      this.add('breaking', `${X}-format-changed`, loc, `format changed from ${b.format} to ${u.format}`);
    }
  }

  private enums(b: SchemaNode, u: SchemaNode, { dir, loc }: Ctx, X: string): void {
    if (!b.enum && !u.enum) return;
    if (b.enum && !u.enum) {
      this.add(
        by(dir, 'info', 'warning'),
        `${X}-enum-removed`,
        loc,
        `the enum ${show(b.enum)} was dropped: any value is now allowed`,
      );
      return;
    }
    if (!b.enum && u.enum) {
      this.add(by(dir, 'breaking', 'info'), `${X}-enum-added`, loc, `values are now restricted to ${show(u.enum)}`);
      return;
    }
    const bs = new Set((b.enum ?? []).map(show));
    const us = new Set((u.enum ?? []).map(show));
    const removed = [...bs].filter((v) => !us.has(v));
    const added = [...us].filter((v) => !bs.has(v));
    if (removed.length) {
      this.add(
        by(dir, 'breaking', 'info'),
        `${X}-enum-value-removed`,
        loc,
        `enum value(s) removed: ${removed.join(', ')}`,
      );
    }
    if (added.length) {
      this.add(by(dir, 'info', 'warning'), `${X}-enum-value-added`, loc, `enum value(s) added: ${added.join(', ')}`);
    }
  }

  private pattern(b: SchemaNode, u: SchemaNode, { dir, loc }: Ctx, X: string): void {
    if (b.pattern === u.pattern) return;
    if (b.pattern === undefined) {
      this.add(by(dir, 'warning', 'info'), `${X}-pattern-added`, loc, `pattern ${u.pattern} added`);
    } else if (u.pattern === undefined) {
      this.add(by(dir, 'info', 'warning'), `${X}-pattern-removed`, loc, `pattern ${b.pattern} removed`);
    } else {
      this.add('warning', `${X}-pattern-changed`, loc, `pattern changed from ${b.pattern} to ${u.pattern}`);
    }
  }

  private bounds(b: SchemaNode, u: SchemaNode, { dir, loc }: Ctx, X: string): void {
    for (const key of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
      const bv = b.bounds[key];
      const uv = u.bounds[key];
      if (bv === uv) continue;
      const lower = LOWER_BOUNDS.includes(key);
      let tightened: boolean;
      let verb: string;
      if (bv === undefined) {
        tightened = true;
        verb = 'set';
      } else if (uv === undefined) {
        tightened = false;
        verb = 'removed';
      } else {
        verb = uv > bv ? 'increased' : 'decreased';
        tightened = lower ? uv > bv : uv < bv;
      }
      const boundId = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const severity = dir === 'request' ? (tightened ? 'breaking' : 'info') : tightened ? 'info' : 'warning';
      this.add(
        severity,
        `${X}-${boundId}-${verb}`,
        loc,
        `${key} ${verb}: ${show(bv) ?? '(none)'} → ${show(uv) ?? '(none)'}`,
      );
    }
  }

  private properties(b: SchemaNode, u: SchemaNode, ctx: Ctx): void {
    if (!b.properties && !u.properties) return;
    const { dir, loc } = ctx;
    // a request never carries readOnly properties, a response never carries writeOnly ones
    const visible = (s: SchemaNode) => (dir === 'request' ? !s.readOnly : !s.writeOnly);
    const bp = Object.entries(b.properties ?? {}).filter(([, s]) => visible(s));
    const up = Object.entries(u.properties ?? {}).filter(([, s]) => visible(s));
    const bMap = new Map(bp);
    const uMap = new Map(up);
    const bReq = new Set(b.required);
    const uReq = new Set(u.required);
    for (const [name, bs] of bp) {
      const ploc = propPath(loc, name);
      const us = uMap.get(name);
      if (!us) {
        if (dir === 'request')
          this.add('warning', 'request-property-removed', ploc, `request property ${name} was removed`);
        else this.add('breaking', 'response-property-removed', ploc, `response property ${name} was removed`);
        continue;
      }
      if (dir === 'request') {
        if (!bReq.has(name) && uReq.has(name))
          this.add('breaking', 'request-property-became-required', ploc, `request property ${name} became required`);
        if (bReq.has(name) && !uReq.has(name))
          this.add('info', 'request-property-became-optional', ploc, `request property ${name} became optional`);
      } else {
        if (bReq.has(name) && !uReq.has(name))
          this.add(
            'breaking',
            'response-property-became-optional',
            ploc,
            `response property ${name} may now be absent`,
          );
        if (!bReq.has(name) && uReq.has(name))
          this.add(
            'info',
            'response-property-became-required',
            ploc,
            `response property ${name} is now always present`,
          );
      }
      if (!bs.deprecated && us.deprecated)
        this.add('info', `${dir}-property-deprecated`, ploc, `property ${name} is now deprecated`);
      this.schema(bs, us, { dir, subject: 'property', loc: ploc });
    }
    for (const [name] of up) {
      if (bMap.has(name)) continue;
      const ploc = propPath(loc, name);
      if (dir === 'request') {
        if (uReq.has(name))
          this.add('breaking', 'new-required-request-property', ploc, `new required request property ${name}`);
        else this.add('info', 'new-optional-request-property', ploc, `new optional request property ${name}`);
      } else {
        this.add('info', 'response-property-added', ploc, `new response property ${name}`);
      }
    }
  }

  private additionalProperties(b: SchemaNode, u: SchemaNode, { dir, loc }: Ctx, X: string): void {
    const ba = b.additionalProperties;
    const ua = u.additionalProperties;
    const allowed = (v: boolean | SchemaNode | undefined) => v !== false;
    if (allowed(ba) && !allowed(ua)) {
      this.add(
        by(dir, 'breaking', 'info'),
        `${X}-additional-properties-forbidden`,
        loc,
        'additional properties are no longer allowed',
      );
    } else if (!allowed(ba) && allowed(ua)) {
      this.add(
        by(dir, 'info', 'warning'),
        `${X}-additional-properties-allowed`,
        loc,
        'additional properties are now allowed',
      );
    } else if (typeof ba === 'object' && typeof ua === 'object') {
      this.schema(ba, ua, { dir, subject: 'property', loc: `${loc}{*}` });
    }
  }

  private composition(
    keyword: 'oneOf' | 'anyOf' | 'allOf',
    b: SchemaNode[] | undefined,
    u: SchemaNode[] | undefined,
    ctx: Ctx,
    X: string,
  ): void {
    if (!b && !u) return;
    const keywordId = keyword.replace(/[A-Z]/, (c) => `-${c.toLowerCase()}`);
    const bl = b ?? [];
    const ul = u ?? [];
    // identical variants pair up whatever their order or component names; the rest pair by position
    const bf = bl.map(fingerprint);
    const uf = ul.map(fingerprint);
    const usedU = new Set<number>();
    const unmatchedB: number[] = [];
    bf.forEach((f, i) => {
      const j = uf.findIndex((g, k) => g === f && !usedU.has(k));
      if (j === -1) unmatchedB.push(i);
      else usedU.add(j);
    });
    const unmatchedU = uf.map((_, k) => k).filter((k) => !usedU.has(k));
    const pairs = Math.min(unmatchedB.length, unmatchedU.length);
    for (let n = 0; n < pairs; n++) {
      const i = unmatchedB[n] as number;
      const j = unmatchedU[n] as number;
      this.schema(bl[i] as SchemaNode, ul[j] as SchemaNode, { ...ctx, loc: `${ctx.loc}.${keyword}[${i}]` });
    }
    for (const i of unmatchedB.slice(pairs)) {
      const severity: Severity = keyword === 'allOf' ? by(ctx.dir, 'info', 'warning') : by(ctx.dir, 'breaking', 'info');
      this.add(
        severity,
        `${X}-${keywordId}-removed`,
        `${ctx.loc}.${keyword}[${i}]`,
        `${keyword} variant ${bl[i]?.ref ?? i} was removed`,
      );
    }
    for (const j of unmatchedU.slice(pairs)) {
      const severity: Severity = keyword === 'allOf' ? by(ctx.dir, 'breaking', 'info') : by(ctx.dir, 'info', 'warning');
      this.add(
        severity,
        `${X}-${keywordId}-added`,
        `${ctx.loc}.${keyword}[${j}]`,
        `${keyword} variant ${ul[j]?.ref ?? j} was added`,
      );
    }
  }
}

/** Canonical structural text of a schema (names, docs and cycles aside) to pair composition variants. */
export function fingerprint(node: SchemaNode): string {
  const stack = new Set<SchemaNode>();
  const walk = (n: SchemaNode | undefined): unknown => {
    if (!n) return null;
    if (stack.has(n)) return '<cycle>';
    stack.add(n);
    const out = {
      t: n.types,
      n: n.nullable,
      f: n.format,
      e: n.enum,
      p: n.pattern,
      r: n.required,
      b: n.bounds,
      ro: n.readOnly,
      wo: n.writeOnly,
      props: n.properties
        ? Object.keys(n.properties)
            .sort()
            .map((k) => [k, walk(n.properties?.[k])])
        : null,
      ap: typeof n.additionalProperties === 'object' ? walk(n.additionalProperties) : n.additionalProperties,
      i: walk(n.items),
      o: n.oneOf?.map(walk),
      a: n.anyOf?.map(walk),
      al: n.allOf?.map(walk),
    };
    stack.delete(n);
    return out;
  };
  return JSON.stringify(walk(node));
}
