import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildArtifacts, generatedDir } from '../scripts/artifacts.ts';

// Regenerates in memory: a spec edit committed without `pnpm generate` fails here, in CI.
describe('generated/', async () => {
  const artifacts = await buildArtifacts();

  it('holds the documents and types of every fragment', () => {
    expect([...artifacts.keys()].sort()).toEqual([
      'documents/atlas-kit.json',
      'documents/flex-backup.json',
      'documents/tenant-download.json',
      'documents/tenant-restores.json',
      'types/atlas.ts',
      'types/flex-backup.ts',
      'types/tenant-download.ts',
      'types/tenant-restores.ts',
    ]);
  });

  for (const [path, expected] of artifacts) {
    it(`${path} matches specs/ (run \`pnpm generate\` if not)`, async () => {
      const onDisk = await readFile(new URL(path, generatedDir), 'utf8').catch(() => '<missing>');
      expect(onDisk === expected, `generated/${path} is stale`).toBe(true);
    });
  }
});
