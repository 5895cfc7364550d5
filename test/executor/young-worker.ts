import { getHeapSpaceStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';

/**
 * A worker that makes garbage fast while keeping some of it alive a while (as serving a stream of
 * members does, which makes V8 grow the young generation to its maximum), then reports what its
 * young generation holds committed.
 */
const kept: object[] = [];
for (let i = 0; i < 3_000_000; i++) {
  const o = { a: i, b: [i, i + 1], c: `x${i}` };
  if (i % 3 === 0) kept.push(o);
  if (kept.length > 200_000) kept.length = 0;
}
const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
parentPort?.postMessage(young?.space_size ?? -1);
