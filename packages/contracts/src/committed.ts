// CI regenerates the pacts and fails when they differ from the committed contracts/. Pact writes
// the same bytes for the same interactions (sorted by description, no timestamps or random ids),
// so any difference is a real change of the contract — or a stale commit.
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { pactFilesIn } from './pact-file.ts';
import { repoRoot } from './paths.ts';

export interface ContractDrift {
  file: string;
  problem: string;
}

function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      return `first difference at line ${i + 1}:\n    committed: ${la[i] ?? '(end of file)'}\n    generated: ${lb[i] ?? '(end of file)'}`;
    }
  }
  return 'they differ in bytes only (e.g. a trailing newline or line endings)';
}

/** Differences between freshly generated pacts (`generatedDir`) and the committed ones (`committedDir`). */
export function compareWithCommitted(generatedDir: string, committedDir: string): ContractDrift[] {
  const generated = new Map(pactFilesIn(generatedDir).map((f) => [basename(f), f]));
  const committed = new Map(pactFilesIn(committedDir).map((f) => [basename(f), f]));
  const shown = (name: string) => relative(repoRoot, `${committedDir}/${name}`);
  const drift: ContractDrift[] = [];
  for (const [name, file] of generated) {
    const mine = committed.get(name);
    if (!mine) {
      drift.push({ file: shown(name), problem: 'is generated but not committed' });
      continue;
    }
    const a = readFileSync(mine);
    const b = readFileSync(file);
    if (!a.equals(b))
      drift.push({
        file: shown(name),
        problem: `differs from the generated pact; ${firstDifference(a.toString(), b.toString())}`,
      });
  }
  for (const name of committed.keys()) {
    if (!generated.has(name)) drift.push({ file: shown(name), problem: 'is committed but no longer generated' });
  }
  return drift;
}

export const REGENERATE_HINT = 'Run `pnpm contracts` and commit contracts/.';
