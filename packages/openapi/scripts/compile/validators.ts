// Compiles the spec's schemas into standalone validator code with ajv (its `standalone` code
// generation), so that nothing compiles a schema or reads a spec document at run time:
//   - params:    every path and query parameter of an operation, strings coerced the way a server
//                binds them (`envelope=true` → true, `itemsPerPage=5` → 5);
//   - bodies:    the request body as a request sees it (readOnly properties are the server's);
//   - responses: every documented answer body, formats checked (tests and contracts use them).
import { createRequire } from 'node:module';
import type { Ajv as AjvType, Options } from 'ajv';
import { CompileError, createResolver, type Node } from './resolve.ts';

// ajv ships CommonJS; its standalone entry has no ESM export.
const require = createRequire(import.meta.url);
const { Ajv, _ } = require('ajv') as typeof import('ajv');
const standaloneCode = (
  require('ajv/dist/standalone') as { default: (ajv: AjvType, refs: Record<string, string>) => string }
).default;
const addFormats = require('ajv-formats') as (ajv: AjvType) => AjvType;

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Keywords that document rather than constrain: dropped so the generated code holds no prose. */
const prose = new Set(['description', 'example', 'examples', 'externalDocs', 'title', 'xml', 'deprecated']);

function strip(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strip);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (prose.has(key) || key.startsWith('x-')) continue;
    // `properties` maps names to schemas: its keys are never keywords.
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries<Node>(value).map(([k, v]) => [k, strip(v)]))
        : strip(value);
  }
  return out;
}

/** The request view of a schema: readOnly properties dropped (and so never required). */
function requestView(schema: Node): Node {
  const out: Node = { ...schema };
  if (schema.properties) {
    const properties: Node = {};
    for (const [name, prop] of Object.entries<Node>(schema.properties)) {
      if (prop.readOnly === true) continue;
      properties[name] = requestView(prop);
    }
    out.properties = properties;
    if (Array.isArray(schema.required)) out.required = schema.required.filter((n: string) => n in properties);
  }
  if (schema.items) out.items = requestView(schema.items);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) out[key] = schema[key].map(requestView);
  }
  return out;
}

const base: Options = {
  strict: false,
  allErrors: true,
  // Patterns such as `^[\p{L}\p{N}…]$` need the `u` flag (ajv's default; kept explicit).
  unicodeRegExp: true,
};

function generate(options: Options, schemas: Array<[string, Node]>, withFormats: boolean, shared?: Node): string {
  const ajv = new Ajv({
    ...base,
    ...options,
    code: { source: true, esm: true, lines: false, optimize: true, ...(withFormats ? { formats: _`formats` } : {}) },
  });
  if (withFormats) addFormats(ajv);
  let refs: Record<string, string>;
  if (shared) {
    // One schema document holds every root and the components they share, so that ajv compiles a
    // shared schema once (separate roots would each get their own copy).
    ajv.addSchema({ ...shared, roots: Object.fromEntries(schemas) }, 'spec');
    refs = Object.fromEntries(schemas.map(([key]) => [key, `spec#/roots/${key}`]));
  } else {
    for (const [key, schema] of schemas) ajv.addSchema(schema, key);
    refs = Object.fromEntries(schemas.map(([key]) => [key, key]));
  }
  const code = standaloneCode(ajv, refs);
  const pruned = dropUnusedSchemas(code);
  const unexpected = /require\("([^"]+)"\)/.exec(pruned);
  if (unexpected) throw new CompileError(`the generated validators need ${unexpected[1]} at run time`);
  return pruned;
}

/**
 * ajv's standalone output declares `const schemaN = <JSON>` for every schema it met, whether the
 * code reads it or not (only `enum` errors do); the unread ones are most of the bytes.
 */
function dropUnusedSchemas(code: string): string {
  let out = code;
  for (const match of code.matchAll(/const (schema\d+) = /g)) {
    const name = match[1] as string;
    if (new RegExp(`\\b${name}\\b(?! = )`).test(out)) continue;
    const start = out.indexOf(`const ${name} = `);
    // The value is JSON: find its end by counting brackets outside strings.
    let i = start + `const ${name} = `.length;
    let depth = 0;
    let inString = false;
    for (; i < out.length; i++) {
      const c = out[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    if (out[i + 1] !== ';') throw new CompileError(`cannot prune ${name} from the generated validators`);
    out = out.slice(0, start) + out.slice(i + 2);
  }
  return out;
}

export interface CompiledValidators {
  /** Module source, keyed by file name under src/generated/. */
  files: Map<string, string>;
}

/** `downloadFlexBackup` + `200` → `downloadFlexBackup_200` (an identifier). */
const exportName = (...parts: string[]) => parts.join('_');

export function compileValidators(doc: Node): CompiledValidators {
  const { deref, inline } = createResolver(doc);
  // Answer schemas keep their `$ref`s, pointed at one shared copy of components.schemas.
  const specRefs = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(specRefs);
    if (!node || typeof node !== 'object') return node;
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = key === '$ref' && typeof value === 'string' ? `spec${value}` : specRefs(value);
    }
    return out;
  };
  const shared = { components: { schemas: strip(specRefs(doc.components?.schemas ?? {})) } };
  const params: Array<[string, Node]> = [];
  const bodies: Array<[string, Node]> = [];
  const responses: Array<[string, Node]> = [];
  for (const item of Object.values<Node>(doc.paths ?? {})) {
    for (const method of methods) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const id: string = op.operationId;
      const properties: Node = {};
      const required: string[] = [];
      for (const raw of op.parameters ?? []) {
        const p = deref<Node>(raw, `${id} parameters`);
        // A parameter's `default` is what the server assumes; absent values stay absent.
        const { default: _default, ...schema } = strip(inline(p.schema ?? {}, `${id} ${p.name}`)) as Node;
        properties[p.name] = schema;
        if (p.required === true) required.push(p.name);
      }
      params.push([id, { type: 'object', properties, required }]);
      if (op.requestBody) {
        const body = deref<Node>(op.requestBody, `${id} requestBody`);
        const media = Object.values<Node>(body.content ?? {})[0];
        bodies.push([id, requestView(strip(inline(media?.schema ?? {}, `${id} requestBody`)) as Node)]);
      }
      for (const [status, raw] of Object.entries<Node>(op.responses ?? {})) {
        const response = deref<Node>(raw, `${id} responses.${status}`);
        const media = Object.values<Node>(response.content ?? {})[0];
        if (media?.schema) responses.push([exportName(id, status), strip(specRefs(media.schema)) as Node]);
      }
    }
  }
  const header = (what: string) =>
    `// @ts-nocheck\n// Generated by @atlas-kit/openapi from specs/ with ajv standalone code — do not edit; run \`pnpm generate\`.\n// ${what}\n`;
  const files = new Map<string, string>([
    [
      'params-validators.ts',
      `${header('Path and query parameters of each operation (strings coerced as a server binds them).')}${generate({ coerceTypes: true }, params, false)}\n`,
    ],
    [
      'body-validators.ts',
      `${header('Request bodies (readOnly properties dropped).')}${generate({}, bodies, false)}\n`,
    ],
    [
      'response-validators.ts',
      `${header('Answer bodies, formats included.')}import { fullFormats as formats } from 'ajv-formats/dist/formats.js';\n${generate({ inlineRefs: false, allErrors: false }, responses, true, shared)}\n`,
    ],
  ]);
  return { files };
}
