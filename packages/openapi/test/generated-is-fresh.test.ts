import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildArtifacts, packageDir } from '../scripts/artifacts.ts';

// Regenerates in memory: a spec edit committed without `pnpm generate` fails here, in CI.
describe('generated files', async () => {
  const artifacts = await buildArtifacts();

  it('holds the documents and types of every fragment', () => {
    expect([...artifacts.keys()].sort()).toEqual([
      'generated/documents/atlas-kit.json',
      'generated/documents/flex-backup.json',
      'generated/documents/flex-snapshots.json',
      'generated/documents/tenant-download.json',
      'generated/documents/tenant-restores.json',
      'src/generated/body-validators.ts',
      'src/generated/examples.ts',
      'src/generated/operations.ts',
      'src/generated/params-validators.ts',
      'src/generated/response-validators.ts',
      'src/generated/types/atlas.ts',
      'src/generated/types/flex-backup.ts',
      'src/generated/types/flex-snapshots.ts',
      'src/generated/types/tenant-download.ts',
      'src/generated/types/tenant-restores.ts',
    ]);
  });

  for (const [path, expected] of artifacts) {
    it(`${path} matches specs/ (run \`pnpm generate\` if not)`, async () => {
      const onDisk = await readFile(new URL(path, packageDir), 'utf8').catch(() => '<missing>');
      expect(onDisk === expected, `${path} is stale`).toBe(true);
    });
  }
});
