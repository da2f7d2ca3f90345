import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'db/**/*.test.ts', 'cli/**/*.test.ts', 'electron/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    // Hooks open temp apps and load the demo office (many records and letters): on a loaded machine that took over vitest's 10 s.
    hookTimeout: 30_000,
    // One throw-away PostgreSQL per run, started by the first test file that needs it.
    globalSetup: ['tests/support/pg-global-setup.ts'],
  },
});
