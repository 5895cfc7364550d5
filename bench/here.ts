import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Where the benchmarks run from: `npm run bench` bundles them like the build bundles Podium
 * (bench/compile.ts, into dist/bench/), so they measure the code `npm start` runs; `node --import
 * tsx bench/run.ts` runs the sources. Both find the repository, and their sibling entries, here.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/** The repository's root (dist/bench/x.js and bench/x.ts alike). */
export const ROOT = fileURLToPath(new URL(COMPILED ? '../..' : '..', import.meta.url));

/** `node` arguments that run the bench entry `name` (b2-serve, b3-clicker, b3-fake-slack) as a process. */
export function entryArgs(name: string): string[] {
  const built = new URL(`./${name}.js`, import.meta.url);
  if (COMPILED && existsSync(built)) return [fileURLToPath(built)];
  return [
    '--import',
    'tsx',
    fileURLToPath(new URL(`${COMPILED ? '../../bench' : '.'}/${name}.ts`, import.meta.url)),
  ];
}

/** What else the machine was doing: every result records it. */
export function machine(): { load1: number; cores: number } {
  return { load1: loadavg()[0] ?? Number.NaN, cores: cpus().length };
}
