import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium; one file at a time keeps two cores from thrashing.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
