import { dirname, resolve } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** The repository's root. */
export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/**
 * Packages left in node_modules: native addons (found beside their own files at run time), the
 * platform libraries' optional native speed-ups (absent unless an operator installs them), and
 * what only the build and the tsx fallback use.
 */
export const EXTERNAL = [
  'better-sqlite3',
  '@resvg/resvg-js',
  'bufferutil',
  'utf-8-validate',
  'zlib-sync',
  'erlpack',
  'esbuild',
  'tsx',
];

/**
 * How Podium is bundled (scripts/build.ts; the benchmarks bundle their own entries the same way,
 * bench/compile.ts): ES modules for Node 20, code splitting with the chunks beside the entries
 * (so `worker.js` sits beside the module that starts it). No keepNames: its `__name` wrapper
 * costs on every call, and nothing reads a function's name.
 *
 * The pure-JavaScript packages are bundled too (all but `EXTERNAL`): Node resolving, reading
 * and compiling discord.js' 700 files one by one, or Bolt's 460, cost more than half a
 * platform's start (0.65 s of CPU for `import('discord.js')`, 0.30 s bundled). Their CommonJS
 * `require` of Node's own modules needs a real `require` in an ES module: the banner gives each
 * chunk one.
 *
 * Object spread is compiled to esbuild's helpers (`__spreadValues`), not left to V8: in Node 20's
 * V8 an object made by a spread followed by more properties (`{ ...reply, visibility }`, the
 * immutable update written all over the code) stays alive through young collections into the old
 * generation, so each collection copied every such object a command had made since the last
 * (hundreds of kilobytes to megabytes) and only full collections freed them. Compiled, the same
 * commands leave almost nothing in the old generation (2-5 KB a collection against 90-1,600 KB),
 * at the same speed.
 */
export const BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  supported: { 'object-rest-spread': false },
  external: EXTERNAL,
  banner: {
    js: "import { createRequire as __podiumRequire } from 'node:module'; const require = __podiumRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  logLevel: 'warning',
};
