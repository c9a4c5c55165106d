import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from './helpers.ts';
import { covers, fixtureChanges, scanKinds } from './kind-catalogue.ts';

const units = scanKinds(resolve(PACKAGE_DIR, 'src'));
const changes = fixtureChanges(resolve(PACKAGE_DIR, 'test/fixtures'));

describe('every change kind the code emits has a fixture (test/fixtures/<case>/expected.json)', () => {
  it('the source scan finds the emission sites (guards against a scan that silently finds nothing)', () => {
    const labels = new Set(units.map((u) => u.label));
    for (const label of [
      'operation-removed-after-sunset',
      'request-parameter-removed',
      'request-*-pattern-added',
      'response-*-pattern-added',
      'response-*-<upper bound>-decreased',
      'request-*-all-of-added',
      'request-media-type-removed',
      'description-changed',
    ]) {
      expect(labels).toContain(label);
    }
    expect(units.length).toBeGreaterThan(100);
  });

  it('each kind, in each direction, with the severity the code gives it there', () => {
    // `request-*-pattern-added warning` needs a fixture change request-<subject>-pattern-added with
    // severity warning: swapping a direction's severity in compare.ts fails here and in the fixture
    const missing = units
      .filter((u) => !changes.some((c) => covers(u, c)))
      .map((u) => `${u.label} (${u.severity}) — emitted at ${u.where}`);
    expect(missing, `kinds without a fixture:\n${missing.join('\n')}`).toEqual([]);
  });

  it('no fixture expects a kind/severity the code cannot emit (stale or mistyped fixtures)', () => {
    const unknown = changes
      .filter((c) => !units.some((u) => covers(u, c)))
      .map((c) => `${c.fixture}: ${c.severity} ${c.kind}`);
    expect(unknown).toEqual([]);
  });
});
