import { describe, expect, it } from 'vitest';
import { startPrism } from '../../src/prism.ts';

describe('startPrism', () => {
  it("fails with Prism's own output when it cannot mock the document", async () => {
    // Prism's own start (a large CLI bundle) took over 20 s on a loaded 2-core machine: the time
    // bound is generous, what is asserted is that it exits and its output is shown.
    await expect(startPrism({ document: '/nonexistent/atlas.json', startTimeoutMs: 60_000 })).rejects.toThrow(
      /Prism exited .* before listening[\s\S]*nonexistent/,
    );
  }, 90_000);
});
