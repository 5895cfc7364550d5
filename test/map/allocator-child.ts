import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { tuneRendererAllocator } from '../../src/map/png.ts';

/**
 * Started by allocator.test.ts as `src/main.ts` starts Podium (`tuned`) or without it: the main
 * thread tunes the renderer's allocator, then a worker thread loads resvg and draws a blank canvas
 * as large as a 100-pod map's. Prints the page faults the process took while it drew.
 */
if (process.argv[2] === 'tuned') tuneRendererAllocator();
const worker = new Worker(
  `const { parentPort, workerData } = require('node:worker_threads');
   const { Resvg } = require(workerData.resvg);
   const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="3000"><rect width="1400" height="3000" fill="#fff"/></svg>';
   const before = process.resourceUsage().minorPageFault;
   new Resvg(svg).render();
   parentPort.postMessage(process.resourceUsage().minorPageFault - before);`,
  { eval: true, workerData: { resvg: createRequire(import.meta.url).resolve('@resvg/resvg-js') } },
);
worker.once('message', (faults: number) => {
  process.stdout.write(`${faults}\n`);
  void worker.terminate();
});
