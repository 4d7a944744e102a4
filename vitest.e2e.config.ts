import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium; one file at a time keeps two cores from thrashing.
// `npm test` runs this once per browser (scripts/test-browsers.ts), each run with its own
// CHROME_PATH and its own JSON report (E2E_REPORT); run by hand it reports to .cache/vitest-e2e.json.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // The README screenshots write tracked files: `npm run screenshots`, never part of `npm test`.
    exclude: ['test/e2e/screenshots.e2e.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: process.env.E2E_REPORT ?? '.cache/vitest-e2e.json' }]],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
