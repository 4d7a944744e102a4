import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium; one file at a time keeps two cores from thrashing.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // The JSON report feeds the one-line total that .ci/run prints.
    reporters: ['default', ['json', { outputFile: '.cache/vitest-e2e.json' }]],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
