// The spec owns the server origin and the generic error codes: code in src/, bench/ and the shared
// test support must read them (atlasServerUrl, components/responses examples), never type them.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { atlasDocument, atlasServerUrl } from '@atlas-kit/openapi';
import { describe, expect, it } from 'vitest';
import { rateLimitedErrorCode } from '../src/index.ts';

const packageDir = fileURLToPath(new URL('../', import.meta.url));

type Node = Record<string, any>;
const exampleCode = (response: Node | undefined): string | undefined =>
  response?.content?.['application/json']?.example?.errorCode;

/** Every errorCode an example of the merged spec shows, and the server origin. */
const needles: string[] = (() => {
  const codes = new Set<string>();
  for (const response of Object.values<Node>(atlasDocument.components.responses ?? {})) {
    const code = exampleCode(response);
    if (code) codes.add(code);
  }
  for (const item of Object.values<Node>(atlasDocument.paths)) {
    for (const op of Object.values<Node>(item)) {
      for (const response of Object.values<Node>(op?.responses ?? {})) {
        const code = exampleCode(response);
        if (code) codes.add(code);
      }
    }
  }
  return [atlasServerUrl, ...codes];
})();

/** Lines of code (not comments) that hold a needle as the start of a string literal. */
function restatedIn(file: string, text: string, facts: readonly string[]): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
    for (const fact of facts) {
      if (["'", '"', '`'].some((quote) => code.includes(`${quote}${fact}`))) found.push(`${file}:${i + 1} ${fact}`);
    }
  });
  return found;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('no restated spec facts', () => {
  it('the needles come from the spec', () => {
    expect(needles).toContain(atlasServerUrl);
    expect(needles).toContain(rateLimitedErrorCode);
    expect(needles.length).toBeGreaterThan(4);
  });

  it('src/, bench/ and test/support.ts type neither the origin nor a spec error code', async () => {
    const files = [
      ...(await filesUnder(join(packageDir, 'src'))),
      ...(await filesUnder(join(packageDir, 'bench'))),
      join(packageDir, 'test/support.ts'),
    ];
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files)
      offenders.push(...restatedIn(relative(packageDir, file), await readFile(file, 'utf8'), needles));
    expect(offenders).toEqual([]);
  });

  it('the scan finds a planted literal and skips comments', () => {
    const text = [
      `// ${rateLimitedErrorCode} in a comment`,
      ` * the server ${atlasServerUrl}`,
      `export const code = '${rateLimitedErrorCode}';`,
      `const url = \`${atlasServerUrl}/api\`;`,
    ].join('\n');
    expect(restatedIn('x.ts', text, needles)).toEqual([`x.ts:3 ${rateLimitedErrorCode}`, `x.ts:4 ${atlasServerUrl}`]);
  });
});
