/**
 * End-to-end tests: the built app in Debian's Chromium (playwright-core).
 * Run by `npm test` after the unit tests; `npm run test:e2e` alone.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/server.ts', 'test/buildCli.global.ts'], // the app, and dist-cli/ for the CLI the tests start
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
