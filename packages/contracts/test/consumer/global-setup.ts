// Runs once before the consumer suite: the pact directory must hold no pact yet, because Pact
// merges new interactions into an existing file and never removes one (a renamed interaction
// would linger and the file would differ from run to run).
import { mkdirSync, rmSync } from 'node:fs';
import { pactFilesIn } from '../../src/pact-file.ts';
import { consumerPactDir, contractsDir } from '../../src/paths.ts';

export default function setup(): void {
  const dir = consumerPactDir();
  if (dir === contractsDir) throw new Error('ATLAS_PACT_DIR must be a temporary directory, never contracts/ itself');
  mkdirSync(dir, { recursive: true });
  for (const file of pactFilesIn(dir)) rmSync(file);
}
