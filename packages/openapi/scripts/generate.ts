import { mkdir, writeFile } from 'node:fs/promises';
import { buildArtifacts, packageDir } from './artifacts.ts';

try {
  const artifacts = await buildArtifacts();
  for (const [path, content] of artifacts) {
    const target = new URL(path, packageDir);
    await mkdir(new URL('.', target), { recursive: true });
    await writeFile(target, content);
  }
  console.log(`@atlas-kit/openapi: wrote ${artifacts.size} files to generated/ and src/generated/`);
} catch (error) {
  console.error(`@atlas-kit/openapi generate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
