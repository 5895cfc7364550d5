import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENDERER_ALLOCATOR, tuneRendererAllocator } from '../../src/map/png.ts';

/** The renderer's allocator: asked for 2 MB pages, from the main thread, unless the operator said otherwise. */
// Where the kernel gives huge pages only to memory that asks for them (`madvise`), as here: with
// `always` every process gets them untuned, and with `never` none does.
const THP = '/sys/kernel/mm/transparent_hugepage/enabled';
const hugePagesOnRequest = existsSync(THP) && readFileSync(THP, 'utf8').includes('[madvise]');

const faultsWhenDrawing = (mode: 'tuned' | 'untuned'): number => {
  const child = new URL('./allocator-child.ts', import.meta.url).pathname;
  // The child starts as on a fresh machine: no allocator setting of its own.
  const env = { ...process.env };
  for (const name of Object.keys(RENDERER_ALLOCATOR)) delete env[name];
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, mode], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim());
};

describe("the renderer's allocator", () => {
  it('GIVEN no setting WHEN tuned THEN 2 MB pages are asked for; GIVEN the operator set it THEN theirs stays', () => {
    const env: NodeJS.ProcessEnv = {};
    tuneRendererAllocator(env);
    expect(env).toEqual(RENDERER_ALLOCATOR);
    expect(env.MIMALLOC_ALLOW_LARGE_OS_PAGES).toBe('1');
    const operator: NodeJS.ProcessEnv = { MIMALLOC_ALLOW_LARGE_OS_PAGES: '0' };
    tuneRendererAllocator(operator);
    expect(operator.MIMALLOC_ALLOW_LARGE_OS_PAGES).toBe('0');
  });

  it.skipIf(!hugePagesOnRequest)(
    'GIVEN the main thread tuned it WHEN a worker thread draws a 1400x3000 canvas THEN it takes a small fraction of the page faults',
    () => {
      const untuned = faultsWhenDrawing('untuned');
      const tuned = faultsWhenDrawing('tuned');
      // 16.8 MB of canvas and resvg's own buffers: about 9,000 faults in 4 KB pages, a few dozen in 2 MB ones.
      expect(untuned).toBeGreaterThan(2000);
      expect(tuned).toBeLessThan(untuned / 10);
    },
    120_000,
  );
});
