import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // The JSON report feeds the one-line total that .ci/run prints.
    reporters: ['default', ['json', { outputFile: '.cache/vitest-unit.json' }]],
  },
});
