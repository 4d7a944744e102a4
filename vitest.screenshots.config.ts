import { defineConfig } from 'vitest/config';

// `npm run screenshots`: the README pictures in docs/screenshots/, taken in real Chromium. They
// change tracked files, so they are their own command and not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/screenshots.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
