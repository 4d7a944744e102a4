import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox (firefox-esr, driven over WebDriver BiDi by puppeteer-core).
// `npm test` runs this once per Firefox (scripts/test-browsers.ts), each run with its own
// FIREFOX_PATH and JSON report (E2E_REPORT); run by hand it reports to .cache/vitest-firefox-e2e.json.
export default defineConfig({
  test: {
    include: ['test/firefox-e2e/**/*.firefox-e2e.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: process.env.E2E_REPORT ?? '.cache/vitest-firefox-e2e.json' }]],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
