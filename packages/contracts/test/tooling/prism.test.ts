import { describe, expect, it } from 'vitest';
import { startPrism } from '../../src/prism.ts';

describe('startPrism', () => {
  it("fails with Prism's own output when it cannot mock the document", async () => {
    await expect(startPrism({ document: '/nonexistent/atlas.json', startTimeoutMs: 20_000 })).rejects.toThrow(
      /Prism exited .* before listening[\s\S]*nonexistent/,
    );
  }, 30_000);
});
