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
 * The native renderer, loaded (synchronously: rendering is part of a synchronous command) on the
 * first picture, not when a process that may never draw one starts.
 */
let loaded: typeof import('@resvg/resvg-js') | undefined;
function resvg(): typeof import('@resvg/resvg-js') {
  loaded ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return loaded;
}
