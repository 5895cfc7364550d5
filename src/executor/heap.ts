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
