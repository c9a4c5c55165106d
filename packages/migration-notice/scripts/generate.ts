// Writes src/generated/facts.ts from specs/. Run: pnpm --filter @atlas-kit/migration-notice generate
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { FactsError, factsFile, generateFactsModule } from './facts-from-specs.ts';

try {
  const text = await generateFactsModule();
  const before = await readFile(factsFile, 'utf8').catch(() => undefined);
  if (before === text) {
    console.log(`migration-notice: ${factsFile.pathname} is up to date`);
  } else {
    await mkdir(new URL('.', factsFile), { recursive: true });
    await writeFile(factsFile, text);
    console.log(`migration-notice: wrote ${factsFile.pathname}`);
  }
} catch (error) {
  // A missing or contradictory fact is a spec problem: say which, without a stack trace.
  const message = error instanceof FactsError ? error.message : `unexpected error: ${String(error)}`;
  console.error(`migration-notice generate failed: ${message}`);
  process.exitCode = 1;
}
