import { defineConfig } from 'vitest/config';

// One file, steps in order (pack → install → check): each `it` is a check CI counts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/consumer.json' },
    testTimeout: 300_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
