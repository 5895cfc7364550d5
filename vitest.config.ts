import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temp dir for the run, removed at its end (test/temp-root.ts).
    globalSetup: ['test/temp-root.ts'],
    // Generous: several suites spawn the real console or bots, and CI machines are small.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default for a run is one worker fewer than the cores: on CI's two cores, one
    // worker, and the suite ran file after file while many of its files wait on child processes,
    // sockets and timers. Two workers there (measured: 530 s serial, 335 s with two, same load).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
