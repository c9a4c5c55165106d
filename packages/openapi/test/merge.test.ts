import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../scripts/artifacts.ts';

const fragment = (path: string, apiError: object) => ({
  openapi: '3.0.1',
  security: [{ DigestAuth: [] }],
  paths: { [path]: { get: { operationId: path } } },
  components: { schemas: { ApiError: apiError } },
});

describe('mergeDocuments', () => {
  it('keeps one copy of a component that fragments share unchanged', () => {
    const merged = mergeDocuments([
      ['a', fragment('/a', { type: 'object' })],
      ['b', fragment('/b', { type: 'object' })],
    ]);
    expect(Object.keys(merged.paths)).toEqual(['/a', '/b']);
    expect(merged.components.schemas.ApiError).toEqual({ type: 'object' });
  });

  it('stops when two fragments disagree on a shared component', () => {
    expect(() =>
      mergeDocuments([
        ['a', fragment('/a', { type: 'object' })],
        ['b', fragment('/b', { type: 'string' })],
      ]),
    ).toThrow('b: components.schemas.ApiError differs from an earlier fragment');
  });

  it('stops when a path is declared by two fragments', () => {
    expect(() =>
      mergeDocuments([
        ['a', fragment('/a', {})],
        ['b', fragment('/a', {})],
      ]),
    ).toThrow('path /a is declared twice');
  });
});
