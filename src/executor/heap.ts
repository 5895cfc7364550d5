import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection: 1.5 times.
 *
 * By default V8 sizes the heap for throughput, letting the old generation grow to as much as four
 * times its live data before collecting again. Podium's live data is small (about 30 MB with the
 * sandbox cache full) but a stream of members each reading their sandbox for the first time
 * makes garbage fast, so after serving 10,000 members the heap held about 140 MB for 30 MB of
 * live data, and the process 220 MB (B2). At 1.5 times the process holds about 180 MB, and the
 * commands' medians did not move (B2's `get -l`, 10,000 members and one member).
 *
 * V8 reads this flag at every full collection, so setting it as the process starts, before the
 * heap has grown, takes effect for every thread's heap (the sizes V8 fixes when a heap is made,
 * such as the young generation's, cannot be changed this way). Called once by `src/main.ts`.
 */
export const HEAP_GROWING_PERCENT = 50;

export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
