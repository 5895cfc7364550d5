import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: several suites spawn the real console or bots, and CI machines are small.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
