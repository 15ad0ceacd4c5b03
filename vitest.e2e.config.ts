import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium. One browser at a time: the machines have
// two cores and Chromium is heavy.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
