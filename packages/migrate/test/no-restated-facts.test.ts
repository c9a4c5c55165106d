// The package reads every Atlas fact through src/facts.ts; no other source file may type a path, a
// media type or a version, or the two would drift apart when the facts change.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadOperations } from '../src/facts.ts';
import { staticRuns } from '../src/path-match.ts';
import { packageDir } from './support.ts';

const needles = [
  ...new Set(
    deadOperations.flatMap((op) => {
      const endpoints = [op, op.replacement];
      const runs = endpoints.flatMap((e) => staticRuns(e.path));
      const shared = new Set(staticRuns(op.path).filter((run) => staticRuns(op.replacement.path).includes(run)));
      return [
        ...endpoints.flatMap((e) => [e.path, e.mediaType, e.resourceVersion]),
        // the path pieces that differ between a dead operation and its replacement (`/flexClusters/`, …)
        ...runs.filter((run) => !shared.has(run)),
      ];
    }),
  ),
];

async function sourceFiles(directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(path)));
    else files.push(path);
  }
  return files;
}

describe('facts come from src/facts.ts only', () => {
  it('knows what to look for', () => {
    expect(needles).toEqual(expect.arrayContaining(['/flexClusters/', '/backup/tenant/download', '2024-11-13']));
  });

  it('no file of src/, bin/ or bench/ types a path, a path piece, a media type or a version', async () => {
    const files = [
      ...(await sourceFiles(join(packageDir, 'src'))),
      ...(await sourceFiles(join(packageDir, 'bin'))),
      ...(await sourceFiles(join(packageDir, 'bench'))),
    ];
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const needle of needles)
        if (text.includes(needle)) offenders.push(`${relative(packageDir, file)}: ${needle}`);
    }
    expect(offenders).toEqual([]);
  });
});
