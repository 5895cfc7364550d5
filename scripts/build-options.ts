import { dirname, resolve } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** The repository's root. */
export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/**
 * How Podium is bundled (scripts/build.ts; the benchmarks bundle their own entries the same way,
 * bench/compiled.ts): ES modules for Node 20, code splitting with the chunks beside the entries
 * (so `worker.js` sits beside the module that starts it), packages left in node_modules. No
 * keepNames: its `__name` wrapper costs on every call, and nothing reads a function's name.
 */
export const BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};
