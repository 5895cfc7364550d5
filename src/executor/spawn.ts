import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { YOUNG_GENERATION_MB } from './heap.ts';
import type { WorkerSetup } from './protocol.ts';

/**
 * Starts one worker thread on `worker.ts` (or the built `worker.js` beside this module: a build
 * must emit the worker as an entry of its own next to its caller). Node cannot load TypeScript
 * by itself, and in Node 20 loader hooks given to a worker as `--import` miss its entry module,
 * so a TypeScript worker first registers tsx's loader, as `bin/podium.js` does, then imports it.
 */
export const WORKER_ENTRY = new URL(
  `./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

export interface WorkerLimits {
  /** V8's old-space limit for the worker: its memory budget. */
  memoryMb: number;
}

export function spawnWorker(entry: URL, setup: WorkerSetup, limits: WorkerLimits): Worker {
  return workerThread(entry, {
    workerData: setup,
    // The young generation as the main thread's (heap.ts); the old one is the member's budget.
    resourceLimits: {
      maxOldGenerationSizeMb: limits.memoryMb,
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
    },
    // Its logs come back with each reply; a stray write still reaches the process's own streams.
    stdout: false,
    stderr: false,
  });
}

/** A worker thread on `entry`, a built `.js` as it is or a `.ts` through tsx's loader. */
export function workerThread(entry: URL, options: WorkerOptions): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** tsx's ESM API module (its package exports hand `require` the CommonJS build instead). */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(manifest), 'dist/esm/api/index.mjs')).href;
}
