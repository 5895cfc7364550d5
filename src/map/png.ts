import { createRequire } from 'node:module';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';

/**
 * SVG to PNG with resvg. The SVG carries its glyphs as paths (svg.ts `glyphs` mode), so system
 * fonts stay off and no font is loaded here: what a member sees never depends on the machine.
 */
export function svgToPng(svg: string): Result<Uint8Array, string> {
  try {
    const rendered = new (resvg().Resvg)(svg, { font: { loadSystemFonts: false }, logLevel: 'off' }).render();
    return ok(new Uint8Array(rendered.asPng()));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}

/**
 * resvg's allocator (mimalloc, built into its native module) asked to back large allocations with
 * 2 MB pages. A 100-pod map draws on a 1400×2974 canvas, 16.6 MB, and parses about 11,500 glyph
 * outlines; in 4 KB pages that is 6,000-12,000 page faults a picture, and on a virtual machine a
 * fault can cost 15 µs (measured on the machines Podium is developed on: touching 16.6 MB of
 * fresh memory took 53-81 ms). Through the worker pool, 40 maps of 100 pods took 265-348 ms each
 * (median, two runs) with 4 KB pages and 164-178 ms with 2 MB pages; the process held 250-305 MB
 * while drawing them instead of 203-273 MB, as mimalloc keeps more of its large pages for the
 * next picture.
 *
 * mimalloc reads its options from the process's environment when the module loads, and a worker
 * thread's `process.env` is only a copy of it, so this runs on the main thread before any thread
 * draws (`src/main.ts` at start, and the benchmarks). An operator's own setting is kept.
 */
export const RENDERER_ALLOCATOR: Readonly<Record<string, string>> = { MIMALLOC_ALLOW_LARGE_OS_PAGES: '1' };

export function tuneRendererAllocator(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(RENDERER_ALLOCATOR)) env[name] ??= value;
}

/**
 * The native renderer, loaded (synchronously: rendering is part of a synchronous command) on the
 * first picture, not when a process that may never draw one starts.
 */
let loaded: typeof import('@resvg/resvg-js') | undefined;
function resvg(): typeof import('@resvg/resvg-js') {
  loaded ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return loaded;
}
