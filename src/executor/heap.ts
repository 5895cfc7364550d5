import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection: twice.
 *
 * By default V8 sizes the heap for throughput, letting the old generation grow to as much as four
 * times its live data before collecting again. Podium's live data is small (about 30 MB with the
 * sandbox cache full) but a stream of members each reading their sandbox for the first time
 * makes garbage fast, so after serving 10,000 members the heap held about 140 MB for 30 MB of
 * live data, and the process 234-244 MB (B2, quiet machine). At twice, 172-179 MB, with one
 * member's p99 still that of a process serving one sandbox (ratio 0.69-0.77). At 1.5 times the
 * process held 169 MB but collected so often that the ratio reached 1.24-1.47.
 *
 * V8 reads this flag at every full collection, so setting it as the process starts, before the
 * heap has grown, takes effect for every thread's heap (the sizes V8 fixes when a heap is made,
 * such as the young generation's, cannot be changed this way). Called once by `src/main.ts`.
 */
export const HEAP_GROWING_PERCENT = 100;

export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * The young generation: each of its two semi-spaces holds at most 8 MB (V8's default is 16 MB).
 *
 * Serving a stream of members makes garbage fast, so V8 grows the young generation to its
 * maximum: 33.6 MB committed at the default, half of that at 8 MB. Serving all 10,000 members of
 * B2 left the process at 192-209 MB with the default and 163-172 MB at 8 MB, and the 10,000
 * members' p99 went down, not up (7.0-7.3 ms to 3.3-5.4 ms: fewer objects copied per
 * collection). B1's mix kept its p50, but its young collections came twice as often (the
 * commands they held up went from 20-23 to 44-48 of 6,000, each held 1.3-1.6 ms instead of
 * 2.1-2.4), enough to reach its p99 (0.73-1.26 ms against 0.59-0.80) until the tables stopped
 * making garbage (`printers/table.ts`) and kept replies were written 16 at a time, their
 * output apart from their JSON (`store/shares.ts`): 0.31-0.40 ms. At 4 MB the process held
 * 151-153 MB but one member's p99 rose by a fifth to a half.
 *
 * V8 fixes this size when it makes a heap. A worker's heap takes it from its resource limits
 * (`YOUNG_GENERATION_MB`, `spawn.ts`); the main thread's only from node's command line, so
 * `PODIUM_NODE_FLAGS` is what `npm start` (and `npm run bench`) pass to node (a test holds them
 * to it). `bin/podium.js` started otherwise (`node bin/podium.js`, `npx podium`) keeps V8's
 * default on the main thread: its first line stays `#!/usr/bin/env node`, since `env -S`, which
 * would carry a flag there, is missing from busybox (Alpine's node images).
 */
export const SEMI_SPACE_MB = 8;

/** A worker's young generation: V8 sizes it as three semi-spaces (two, and one for large objects). */
export const YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;

/** What node is started with for Podium's own process (see SEMI_SPACE_MB). */
export const PODIUM_NODE_FLAGS: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];
