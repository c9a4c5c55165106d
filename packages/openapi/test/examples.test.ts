import { describe, expect, it } from 'vitest';
import { atlasDocument, fragments, type OpenApiDocument } from '../src/documents.ts';
import { createSpecValidator } from '../src/validator.ts';

type Node = Record<string, any>;
interface Example {
  where: string;
  schema: Node;
  value: unknown;
}

const schemaKeys = ['type', '$ref', 'allOf', 'oneOf', 'anyOf', 'properties', 'items', 'enum'];

/** Every example of a document with the schema it must satisfy: media types, parameters, headers, schemas. */
function examplesOf(doc: OpenApiDocument): Example[] {
  const { deref } = createSpecValidator(doc);
  const found: Example[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        walk(child, `${where}/${i}`);
      });
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if ('schema' in n && 'example' in n) found.push({ where, schema: n.schema, value: n.example });
    if ('schema' in n && n.examples && typeof n.examples === 'object') {
      for (const [name, example] of Object.entries<Node>(n.examples)) {
        found.push({ where: `${where}/examples/${name}`, schema: n.schema, value: deref<Node>(example).value });
      }
    }
    if (!('schema' in n) && 'example' in n && schemaKeys.some((k) => k in n)) {
      const { example, ...schema } = n;
      found.push({ where, schema, value: example });
    }
    for (const [key, child] of Object.entries(n)) {
      if (key !== 'example' && key !== 'examples') walk(child, `${where}/${key}`);
    }
  };
  walk(doc.paths, '#/paths');
  walk(doc.components, '#/components');
  return found;
}

const documents = { ...fragments, atlasDocument };

describe.each(Object.entries(documents))('examples of %s', (_name, doc) => {
  const examples = examplesOf(doc);
  const validator = createSpecValidator(doc);

  it('has examples on every success answer', () => {
    const successes = Object.values(doc.paths).flatMap((item) =>
      Object.values<Node>(item).map((op) => validator.deref<Node>(op.responses?.['200'] ?? {})),
    );
    for (const response of successes) {
      for (const media of Object.values<Node>(response.content ?? {})) {
        expect(media.example ?? media.examples, JSON.stringify(media).slice(0, 120)).toBeDefined();
      }
    }
  });

  it('validates every example against its schema', () => {
    expect(examples.length).toBeGreaterThan(5);
    const failures = examples
      .map((e) => ({ where: e.where, errors: validator.validateSchema(e.schema, e.value) }))
      .filter((f) => f.errors.length > 0);
    expect(failures).toEqual([]);
  });
});

describe('the example check itself', () => {
  it('catches a wrong example', () => {
    const broken = structuredClone(fragments.tenantDownload);
    const op = Object.values(broken.paths)[0]?.post;
    const media = Object.values<Node>(op.responses['200'].content)[0] as Node;
    const wrong = { ...(media.example ?? {}), snapshotId: 'not-a-24-hex-id' };
    media.example = wrong;
    media.examples = undefined;
    const bad = examplesOf(broken).filter((e) => e.value === wrong);
    expect(bad).toHaveLength(1);
    expect(createSpecValidator(broken).validateSchema(bad[0]?.schema ?? {}, wrong)).not.toEqual([]);
  });
});
