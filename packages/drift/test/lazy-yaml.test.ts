import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { lazyYamlDocument, rawBlock } from '../src/lazy-yaml.ts';
import { loadDocument } from '../src/load.ts';
import { UPSTREAM } from './helpers.ts';

const full = (text: string) => load(text, { schema: CORE_SCHEMA });
const deepPlain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('lazy YAML document', () => {
  const text = [
    'openapi: 3.0.1',
    'x-sunset: 2026-01-22',
    'paths:',
    '  "/quoted/{id}":',
    '    get:',
    '      operationId: quoted',
    "  '/single''s':",
    '    get: {operationId: single}',
    '  /plain/{a}/b: # comment',
    '    post:',
    '      description: |-',
    '        multi-line',
    '        paths: not a key',
    '      responses:',
    '        "200":',
    '          $ref: "#/components/responses/ok"',
    'components:',
    '  responses:',
    '    ok:',
    '      description: OK',
    '  schemas:',
    '    A: &anchor',
    '      type: string',
    '    B: *anchor',
    '',
  ].join('\n');

  it('reads the same values as a full parse, including quoted keys, comments and block scalars', () => {
    const doc = lazyYamlDocument(text, () => full(text));
    expect(doc).toBeDefined();
    expect(Object.keys(doc?.paths ?? {})).toEqual(['/quoted/{id}', "/single's", '/plain/{a}/b']);
    expect(deepPlain(doc)).toEqual(full(text));
    expect(doc?.['x-sunset']).toBe('2026-01-22');
  });

  it('parses a block only when it is read, and keeps its raw text for cheap searches', () => {
    const doc = lazyYamlDocument(text, () => full(text)) as Record<string, any>;
    const paths = doc.paths;
    expect(rawBlock(paths, '/plain/{a}/b')).toContain('multi-line');
    expect(Object.getOwnPropertyDescriptor(paths, '/plain/{a}/b')?.get).toBeTypeOf('function');
    expect(paths['/plain/{a}/b'].post.description).toBe('multi-line\npaths: not a key');
    expect(Object.getOwnPropertyDescriptor(paths, '/plain/{a}/b')?.get).toBeUndefined();
  });

  it('an alias to an anchor in another block falls back to the full parse', () => {
    let fullParses = 0;
    const doc = lazyYamlDocument(text, () => {
      fullParses++;
      return full(text);
    }) as Record<string, any>;
    expect(doc.components.schemas.B).toEqual({ type: 'string' });
    expect(fullParses).toBe(1);
  });

  it('declines shapes it does not index (flow mapping at the top, several documents)', () => {
    expect(lazyYamlDocument('{openapi: 3.0.1}', () => null)).toBeUndefined();
    expect(lazyYamlDocument('openapi: 3.0.1\n---\nfoo: 1\n', () => null)).toBeUndefined();
  });

  it('is used for the multi-megabyte upstream files (auto mode)', async () => {
    const { doc } = await loadDocument(UPSTREAM['2025-06-30']);
    expect(rawBlock(doc, 'paths')).toBeDefined();
    expect(
      rawBlock(doc.paths, '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download'),
    ).toContain('operationId: downloadSharedClusterBackup');
  });
});
