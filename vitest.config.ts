import { defineConfig } from 'vitest/config';

// Tests must pass on a slow, shared machine: generous timeouts, and no test asserts a duration.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
