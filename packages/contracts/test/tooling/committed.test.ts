import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithCommitted } from '../../src/committed.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-kit-committed-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('compareWithCommitted', () => {
  it('accepts identical bytes', () => {
    expect(compareWithCommitted(dirWith({ 'a.json': '{"x":1}' }), dirWith({ 'a.json': '{"x":1}' }))).toEqual([]);
  });

  it('reports a changed file with its first differing line', () => {
    const drift = compareWithCommitted(dirWith({ 'a.json': '{\n"x": 2\n}' }), dirWith({ 'a.json': '{\n"x": 1\n}' }));
    expect(drift).toHaveLength(1);
    expect(drift[0]?.problem).toMatch(/line 2:\n\s+committed: "x": 1\n\s+generated: "x": 2/);
  });

  it('reports a byte-only difference (trailing newline)', () => {
    const drift = compareWithCommitted(dirWith({ 'a.json': '{}' }), dirWith({ 'a.json': '{}\n' }));
    expect(drift.map((d) => d.problem)).toEqual([expect.stringMatching(/^differs/)]);
  });

  it('reports generated-but-not-committed and committed-but-no-longer-generated files', () => {
    const drift = compareWithCommitted(dirWith({ 'new.json': '{}' }), dirWith({ 'old.json': '{}' }));
    expect(drift.map((d) => d.problem).sort()).toEqual([
      'is committed but no longer generated',
      'is generated but not committed',
    ]);
  });
});
