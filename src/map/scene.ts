import { mapFont, type Weight } from './font.ts';

/** What the layout produces and the SVG writer draws: positioned boxes, text lines and arrows. */
export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string;
      stroke: string;
      strokeWidth: number;
      dashed?: boolean;
    }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string }
  /** `y` is the baseline. */
  | { kind: 'text'; x: number; y: number; text: string; size: number; weight: Weight; fill: string }
  | { kind: 'arrow'; x1: number; y1: number; x2: number; y2: number; colour: string; dashed?: boolean };

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
}

/** The width of `text` at `size` px in the map's font (advances only; no kerning). */
export function measure(text: string, size: number, weight: Weight): number {
  const font = mapFont(weight);
  let units = 0;
  for (const char of text) units += font.advance(font.glyphOf(char.codePointAt(0) ?? 0));
  return (units * size) / font.unitsPerEm;
}

/** `text` cut with "…" to fit `width` px; linear in the text's length. */
export function fitText(text: string, size: number, weight: Weight, width: number): string {
  if (measure(text, size, weight) <= width) return text;
  const font = mapFont(weight);
  const scale = size / font.unitsPerEm;
  let used = measure('…', size, weight);
  let out = '';
  for (const char of text) {
    const w = font.advance(font.glyphOf(char.codePointAt(0) ?? 0)) * scale;
    if (used + w > width) break;
    used += w;
    out += char;
  }
  return `${out}…`;
}
