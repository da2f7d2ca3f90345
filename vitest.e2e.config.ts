import { defineConfig } from 'vitest/config';

/** End-to-end: browser mode in Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Background work (a register import in its worker, a mail merge) can take seconds on a busy
    // two-core machine; a poll waits that long before it fails (default: 1 s).
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
