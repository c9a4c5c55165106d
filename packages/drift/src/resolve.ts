import { existsSync, realpathSync } from 'node:fs';
import { dirname, resolve as resolvePath, sep } from 'node:path';
import { digest } from './digest.ts';
import { InputError } from './errors.ts';
import { MAX_SCHEMA_DEPTH } from './limits.ts';
import { decode, isUrl } from './load.ts';
import type {
  Docs,
  HeaderModel,
  MediaTypeModel,
  OperationModel,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
  SchemaNode,
  SecurityModel,
} from './model.ts';
import { LOWER_BOUNDS, UPPER_BOUNDS } from './model.ts';
import { parseText } from './parse.ts';
import { readBounded } from './read.ts';

/*
 * Targeted $ref resolver, hand-written on purpose. General dereferencers
 * (@apidevtools/json-schema-ref-parser, @redocly/openapi-core) walk and rewrite the whole
 * 3–4 MB document — tens of thousands of nodes — to answer a question about one operation
 * that reaches a dozen components. Here only what the operation reaches is resolved, straight
 * into the normalized model (src/model.ts): one memo entry per target object, so a component
 * reached twice is one node and a recursive schema becomes a cycle instead of infinite expansion.
 *
 * External `$ref`s (another file) are a baseline feature only: an upstream document someone else
 * controls gets none at all (`../secret.yaml`, `/dev/zero`, a FIFO), and a baseline's may reach only
 * regular files inside its repository (the nearest folder with `.git` above it), each within the byte cap.
 */

export type ExternalRefs = { allow: false } | { allow: true; root: string; maxBytes: number };

/** The folder a baseline's external refs must stay inside: its repository, else its own folder. */
export function refRoot(file: string): string {
  const start = dirname(realpathSync(file));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(resolvePath(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

interface Located {
  value: any;
  doc: any;
  base: string;
  refName?: string;
}

const isObject = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);

function decodePointer(ref: string, fragment: string): string[] {
  if (fragment === '' || fragment === '/') return fragment === '/' ? [''] : [];
  if (!fragment.startsWith('/')) throw new InputError(`unsupported $ref ${quoteRef(ref)} (only JSON pointers)`);
  return fragment
    .slice(1)
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
      } catch {
        throw new InputError(`bad %-escape in $ref ${quoteRef(ref)}`);
      }
    });
}

const quoteRef = (ref: string) => JSON.stringify(ref.length > 120 ? `${ref.slice(0, 120)}…` : ref);

export class Resolver {
  private readonly external = new Map<string, any>();
  private readonly memo = new Map<object, SchemaNode>();
  private readonly building = new Set<SchemaNode>();

  readonly doc: any;
  readonly source: string;
  private readonly refs: ExternalRefs;

  constructor(doc: any, source: string, refs: ExternalRefs = { allow: false }) {
    this.doc = doc;
    this.source = source;
    this.refs = refs;
  }

  /** Follows a $ref chain to its target. Sibling keywords of $ref are ignored (OpenAPI 3.0 semantics). */
  deref(value: any, doc: any = this.doc, base: string = this.source): Located {
    let refName: string | undefined;
    const seen = new Set<string>();
    while (isObject(value) && typeof value.$ref === 'string') {
      const ref: string = value.$ref;
      const key = `${base}|${ref}`;
      if (seen.has(key)) throw new InputError(`circular $ref ${quoteRef(ref)} in ${base}`);
      seen.add(key);
      const hash = ref.indexOf('#');
      const file = hash === -1 ? ref : ref.slice(0, hash);
      const fragment = hash === -1 ? '' : ref.slice(hash + 1);
      if (file !== '') {
        base = this.externalPath(ref, file, base);
        doc = this.loadExternal(base);
      }
      let target: any = doc;
      for (const segment of decodePointer(ref, fragment)) {
        target = isObject(target) || Array.isArray(target) ? (target as any)[segment] : undefined;
        if (target === undefined) throw new InputError(`unresolvable $ref ${quoteRef(ref)} in ${base}`);
      }
      const parts = fragment.split('/');
      refName = parts[parts.length - 1] || refName;
      value = target;
    }
    return { value, doc, base, refName };
  }

  /** Where an external ref points, if the policy lets it: never for upstream, inside the repo for a baseline. */
  private externalPath(ref: string, file: string, base: string): string {
    if (!this.refs.allow) {
      throw new InputError(
        `refusing $ref ${quoteRef(ref)} in ${this.source}: an upstream document may only refer inside itself (#/…)`,
      );
    }
    if (isUrl(file) || isUrl(base)) throw new InputError(`refusing $ref ${quoteRef(ref)}: URLs are not followed`);
    let decoded: string;
    try {
      decoded = decodeURI(file);
    } catch {
      throw new InputError(`bad %-escape in $ref ${quoteRef(ref)}`);
    }
    const target = resolvePath(dirname(base), decoded);
    let real: string;
    try {
      real = realpathSync(target);
    } catch {
      throw new InputError(`unresolvable $ref ${quoteRef(ref)} in ${base}: no such file`);
    }
    if (real !== this.refs.root && !real.startsWith(this.refs.root + sep)) {
      throw new InputError(
        `refusing $ref ${quoteRef(ref)} in ${base}: it leaves the baseline's repository (${this.refs.root})`,
      );
    }
    return real;
  }

  private loadExternal(path: string): any {
    let doc = this.external.get(path);
    if (doc === undefined && this.refs.allow) {
      doc = parseOpenApiLike(decode(readBounded(path, this.refs.maxBytes), path), path);
      this.external.set(path, doc);
    }
    return doc;
  }

  schema(raw: any, doc: any = this.doc, base: string = this.source, depth = 0): SchemaNode {
    if (depth > MAX_SCHEMA_DEPTH) {
      throw new InputError(`a schema in ${base} is nested deeper than ${MAX_SCHEMA_DEPTH} levels`);
    }
    const { value, doc: d, base: b, refName } = this.deref(raw, doc, base);
    if (!isObject(value)) {
      // `true`/absent = any; `false` = nothing allowed (3.1 boolean schemas)
      const node = emptyNode();
      if (value === false) node.not = emptyNode();
      return node;
    }
    const cached = this.memo.get(value);
    if (cached) return cached;
    const node = emptyNode();
    this.memo.set(value, node);
    this.building.add(node);
    if (refName) node.ref = refName;
    const sub = (v: any) => this.schema(v, d, b, depth + 1);

    const type = value.type;
    if (type !== undefined) {
      const list: string[] = (Array.isArray(type) ? type : [type]).map(String);
      if (list.includes('null')) node.nullable = true;
      node.types = [...new Set(list.filter((t) => t !== 'null'))].sort();
    }
    if (value.nullable === true) node.nullable = true;
    if (value.format !== undefined) node.format = String(value.format);
    if (Array.isArray(value.enum)) node.enum = value.enum;
    if ('const' in value) node.enum = [value.const];
    if (value.pattern !== undefined) node.pattern = String(value.pattern);
    if (Array.isArray(value.required)) node.required = [...new Set(value.required.map(String))].sort() as string[];
    if (isObject(value.properties)) {
      const props: Record<string, SchemaNode> = Object.create(null);
      for (const [name, child] of Object.entries(value.properties)) props[name] = sub(child);
      node.properties = props;
    }
    if (typeof value.additionalProperties === 'boolean') node.additionalProperties = value.additionalProperties;
    else if (isObject(value.additionalProperties)) node.additionalProperties = sub(value.additionalProperties);
    if (value.items !== undefined && !Array.isArray(value.items)) node.items = sub(value.items);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      if (Array.isArray(value[key])) node[key] = value[key].map(sub);
    }
    if (value.not !== undefined) node.not = sub(value.not);
    for (const key of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
      const v = value[key];
      if (typeof v === 'number') node.bounds[key] = v;
    }
    // OpenAPI 3.0 writes an exclusive bound as a flag on minimum/maximum, 3.1 (JSON Schema) as the
    // number itself: read both as the number, so the two spellings of one constraint compare equal
    // and adding/dropping the 3.0 flag is an exclusive bound set/removed (tighter/looser)
    if (value.exclusiveMinimum === true && typeof value.minimum === 'number') {
      node.bounds.exclusiveMinimum = value.minimum;
    }
    if (value.exclusiveMaximum === true && typeof value.maximum === 'number') {
      node.bounds.exclusiveMaximum = value.maximum;
    }
    if (typeof value.multipleOf === 'number') node.multipleOf = value.multipleOf;
    if (value.uniqueItems === true) node.uniqueItems = true;
    node.readOnly = value.readOnly === true;
    node.writeOnly = value.writeOnly === true;
    node.deprecated = value.deprecated === true;
    if ('default' in value) {
      node.hasDefault = true;
      node.default = value.default;
    }
    if (isObject(value.discriminator) && typeof value.discriminator.propertyName === 'string') {
      node.discriminator = value.discriminator.propertyName;
    }
    node.docs = docsOf(value);
    if (node.allOf) flattenAllOf(node, this.building);
    this.building.delete(node);
    return node;
  }

  operation(method: string, path: string, pathItemRaw: any): OperationModel {
    const pathItem = this.deref(pathItemRaw).value ?? {};
    const op = pathItem[method.toLowerCase()] ?? {};
    const sunsetRaw = op['x-sunset'];
    const sunset =
      sunsetRaw instanceof Date
        ? sunsetRaw.toISOString().slice(0, 10)
        : sunsetRaw !== undefined && sunsetRaw !== null
          ? String(sunsetRaw)
          : undefined;
    const model: OperationModel = {
      method: method.toUpperCase(),
      path,
      deprecated: op.deprecated === true,
      security: this.security(op.security ?? this.doc.security ?? []),
      parameters: this.parameters(path, pathItem.parameters, op.parameters),
      responses: Object.create(null),
      docs: {
        ...(op.summary !== undefined ? { summary: String(op.summary) } : {}),
        ...(op.description !== undefined ? { description: String(op.description) } : {}),
        ...(op['x-codeSamples'] !== undefined ? { codeSamples: digest(op['x-codeSamples']) } : {}),
      },
    };
    if (typeof op.operationId === 'string') model.operationId = op.operationId;
    if (sunset !== undefined) model.sunset = sunset;
    if (op.requestBody !== undefined) model.requestBody = this.requestBody(op.requestBody);
    if (isObject(op.responses)) {
      for (const [status, raw] of Object.entries(op.responses)) {
        if (status.startsWith('x-')) continue;
        model.responses[status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase()] = this.response(raw);
      }
    }
    return model;
  }

  private parameters(path: string, shared: unknown, own: unknown): ParameterModel[] {
    const template = pathTemplateParams(path);
    const byKey = new Map<string, ParameterModel>();
    for (const list of [shared, own]) {
      if (!Array.isArray(list)) continue;
      for (const raw of list) {
        const { value: p, doc, base } = this.deref(raw);
        if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') {
          throw new InputError(`invalid parameter in ${this.source}: needs 'name' and 'in'`);
        }
        const where = p.in;
        const name = where === 'header' ? p.name.toLowerCase() : p.name;
        const schemaRaw = p.schema ?? (isObject(p.content) ? Object.values(p.content)[0]?.schema : undefined);
        const model: ParameterModel = {
          in: where,
          name: p.name,
          required: where === 'path' ? true : p.required === true,
          deprecated: p.deprecated === true,
          position: where === 'path' ? template.indexOf(p.name) : -1,
          docs: docsOf(p),
        };
        if (typeof p.style === 'string') model.style = p.style;
        if (typeof p.explode === 'boolean') model.explode = p.explode;
        if (schemaRaw !== undefined) model.schema = this.schema(schemaRaw, doc, base);
        byKey.set(`${where}:${name}`, model);
      }
    }
    return [...byKey.values()];
  }

  private content(raw: unknown, doc: any, base: string): Record<string, MediaTypeModel> {
    const out: Record<string, MediaTypeModel> = Object.create(null);
    if (!isObject(raw)) return out;
    for (const [mediaType, mtRaw] of Object.entries(raw)) {
      const mt = this.deref(mtRaw, doc, base);
      const model: MediaTypeModel = { docs: docsOf(mt.value ?? {}) };
      if (isObject(mt.value) && mt.value.schema !== undefined)
        model.schema = this.schema(mt.value.schema, mt.doc, mt.base);
      out[mediaType.toLowerCase()] = model;
    }
    return out;
  }

  private requestBody(raw: any): RequestBodyModel {
    const { value, doc, base } = this.deref(raw);
    return {
      required: value?.required === true,
      content: this.content(value?.content, doc, base),
      docs: docsOf(value ?? {}),
    };
  }

  private response(raw: any): ResponseModel {
    const { value, doc, base } = this.deref(raw);
    const headers: Record<string, HeaderModel> = Object.create(null);
    if (isObject(value?.headers)) {
      for (const [name, hRaw] of Object.entries(value.headers)) {
        const h = this.deref(hRaw, doc, base);
        const hv = h.value ?? {};
        const schemaRaw =
          hv.schema ?? (isObject(hv.content) ? (Object.values(hv.content)[0] as any)?.schema : undefined);
        const header: HeaderModel = {
          name,
          required: hv.required === true,
          deprecated: hv.deprecated === true,
          docs: docsOf(hv),
        };
        if (schemaRaw !== undefined) header.schema = this.schema(schemaRaw, h.doc, h.base);
        headers[name.toLowerCase()] = header;
      }
    }
    return { headers, content: this.content(value?.content, doc, base), docs: docsOf(value ?? {}) };
  }

  private security(requirements: unknown): SecurityModel {
    const schemes = this.doc.components?.securitySchemes ?? {};
    const alternatives: string[] = [];
    const names: Record<string, string> = Object.create(null);
    if (!Array.isArray(requirements)) return { alternatives, names };
    for (const requirement of requirements) {
      if (!isObject(requirement)) continue;
      const parts = Object.entries(requirement).map(([name, scopes]) => {
        const scheme = schemes[name] === undefined ? undefined : this.deref(schemes[name]).value;
        const scopeList = Array.isArray(scopes) && scopes.length ? `[${[...scopes].map(String).sort().join(',')}]` : '';
        return { name, sig: schemeSignature(name, scheme) + scopeList };
      });
      parts.sort((a, b) => (a.sig < b.sig ? -1 : a.sig > b.sig ? 1 : 0));
      const sig = parts.length ? parts.map((p) => p.sig).join(' & ') : 'anonymous';
      alternatives.push(sig);
      names[sig] = parts.length ? parts.map((p) => p.name).join(' + ') : '(no authentication)';
    }
    return { alternatives: [...new Set(alternatives)].sort(), names };
  }
}

/** Security schemes are compared by what a client must do, not by their component name. */
function schemeSignature(name: string, scheme: any): string {
  if (!isObject(scheme)) return `unknown/${name}`;
  switch (scheme.type) {
    case 'http':
      return `http/${String(scheme.scheme ?? '').toLowerCase()}`;
    case 'apiKey':
      return `apiKey/${scheme.in}/${scheme.name}`;
    case 'oauth2':
      return `oauth2/${Object.keys(scheme.flows ?? {})
        .sort()
        .join('+')}`;
    default:
      return String(scheme.type);
  }
}

/** External files referenced by a fragment may be bare component files, not full documents. */
function parseOpenApiLike(text: string, source: string): any {
  const value = parseText(text, source);
  if (!isObject(value)) throw new InputError(`${source} (a $ref target) is not a YAML/JSON object`);
  return value;
}

export function pathTemplateParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

function emptyNode(): SchemaNode {
  return {
    nullable: false,
    required: [],
    bounds: {},
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    hasDefault: false,
    docs: {},
  };
}

function docsOf(value: Record<string, any>): Docs {
  const docs: Docs = {};
  if (typeof value.description === 'string') docs.description = value.description;
  if (typeof value.title === 'string') docs.title = value.title;
  if (typeof value.summary === 'string') docs.summary = value.summary;
  if (value.example !== undefined || value.examples !== undefined) {
    docs.examples = digest(value.example ?? value.examples);
  }
  return docs;
}

/**
 * allOf is composition, not structure a consumer sees: `allOf: [$ref Base, {properties…}]` and
 * the same object written inline must compare equal. Parts still being built (recursion through
 * allOf) stay as allOf entries and are compared by position.
 */
function flattenAllOf(node: SchemaNode, building: Set<SchemaNode>): void {
  const rest: SchemaNode[] = [];
  for (const part of node.allOf ?? []) {
    if (building.has(part)) {
      rest.push(part);
      continue;
    }
    if (!node.types && part.types) node.types = part.types;
    node.nullable ||= part.nullable;
    node.format ??= part.format;
    node.enum ??= part.enum;
    node.pattern ??= part.pattern;
    node.required = [...new Set([...node.required, ...part.required])].sort();
    if (part.properties) {
      node.properties = Object.assign(Object.create(null), part.properties, node.properties ?? {});
    }
    node.additionalProperties ??= part.additionalProperties;
    node.items ??= part.items;
    node.oneOf ??= part.oneOf;
    node.anyOf ??= part.anyOf;
    node.not ??= part.not;
    for (const [k, v] of Object.entries(part.bounds)) {
      if ((node.bounds as any)[k] === undefined) (node.bounds as any)[k] = v;
    }
    node.multipleOf ??= part.multipleOf;
    node.uniqueItems ??= part.uniqueItems;
    node.readOnly ||= part.readOnly;
    node.writeOnly ||= part.writeOnly;
    node.deprecated ||= part.deprecated;
    if (!node.hasDefault && part.hasDefault) {
      node.hasDefault = true;
      node.default = part.default;
    }
    node.discriminator ??= part.discriminator;
    node.docs = { ...part.docs, ...node.docs };
    if (part.allOf) rest.push(...part.allOf);
  }
  if (rest.length) node.allOf = rest;
  else delete node.allOf;
}
