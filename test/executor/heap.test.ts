import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PODIUM_NODE_FLAGS, SEMI_SPACE_MB, YOUNG_GENERATION_MB } from '../../src/executor/heap.ts';
import { spawnWorker } from '../../src/executor/spawn.ts';

/** Podium's heap: its young generation is bounded on every thread, however Podium is started. */
const ROOT = new URL('../../', import.meta.url);
const MB = 1024 * 1024;

describe("Podium's young generation", () => {
  it('GIVEN npm start and npm run bench THEN node is started with the flags heap.ts names', () => {
    const flags = PODIUM_NODE_FLAGS.join(' ');
    expect(flags).toBe(`--max-semi-space-size=${SEMI_SPACE_MB}`);
    const { scripts } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toBe(`node ${flags} bin/podium.js`);
    expect(scripts.bench).toMatch(new RegExp(`&& node ${flags} dist/bench/run\\.js$`));
  });

  it('GIVEN a worker thread that makes garbage fast WHEN its young generation has grown THEN it holds at most two semi-spaces of SEMI_SPACE_MB', async () => {
    const worker = spawnWorker(new URL('./young-worker.ts', import.meta.url), {} as never, { memoryMb: 256 });
    try {
      const committed = await new Promise<number>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(YOUNG_GENERATION_MB);
      // V8's default would have grown it to 33.6 MB (two 16 MB semi-spaces and their pages).
      expect(committed).toBeGreaterThan(SEMI_SPACE_MB * MB);
      expect(committed).toBeLessThanOrEqual((2 * SEMI_SPACE_MB + 1) * MB);
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});
