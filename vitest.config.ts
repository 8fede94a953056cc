import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    // Vitest's default is one worker fewer than the cores: one on CI's two. Many tests wait on
    // child processes (the CLI, npm, Chromium), so two workers finish the suite in about three
    // quarters of the time (268 s → 202 s here); no test asserts a wall time.
    maxWorkers: 2,
  },
});
