import { defineConfig } from 'vitest/config';

// The Firefox build, its linter and the store packages. They rebuild dist/, dist-firefox/ and
// packages/, so the files run one at a time.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    // The JSON report feeds the one-line total that .ci/run prints.
    reporters: ['default', ['json', { outputFile: '.cache/vitest-firefox.json' }]],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
