import { mapFont } from './font.ts';
import type { Scene, Shape } from './scene.ts';
import { STYLE } from './style.ts';

/**
 * A scene as SVG. `text` mode writes `<text>` elements (readable, diffable: the golden files,
 * and what a member could open in a browser); `glyphs` mode writes each piece of text as one
 * path, its characters' outlines from Pretendard side by side, which is what the PNG is
 * rasterised from: the renderer then never lays text out and never needs a font of its own.
 *
 * One path a piece of text, not a `<use>` of each character's outline: resvg expands every
 * `<use>` into a path of its own, and a 100-pod map has about 11,500 characters. Drawn as its
 * 472 pieces of text, resvg parsed the map in 24-27 ms instead of 38 ms and rendered it in 67 ms
 * instead of 101 ms (B5's map, with 2 MB pages, png.ts), for an SVG of 2.7 MB instead of 414 KB.
 * Overlapping characters are filled once rather than twice: 242 of the 16.7 million bytes of
 * that map's pixels differ, by at most 14 of 255, at the edges where two characters touch.
 */
export type TextMode = 'text' | 'glyphs';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sceneSvg(scene: Scene, mode: TextMode): string {
  const markers = new Set<string>();
  const body = scene.shapes.map((shape) => shapeSvg(shape, mode, markers)).join('\n');
  const markerDefs = [...markers]
    .sort()
    .map(
      (colour) =>
        `<marker id="${markerId(colour)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 0L10 5L0 10Z" fill="${colour}"/></marker>`,
    );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}">`,
    `<defs>${markerDefs.join('')}</defs>`,
    `<rect width="${scene.width}" height="${scene.height}" fill="${STYLE.colour.background}"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

const markerId = (colour: string) => `arrow-${colour.replace('#', '')}`;

function shapeSvg(shape: Shape, mode: TextMode, markers: Set<string>): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}" rx="${STYLE.radius}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"${shape.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`;
    case 'circle':
      return `<circle cx="${shape.x}" cy="${shape.y}" r="${shape.r}" fill="${shape.fill}"/>`;
    case 'arrow':
      markers.add(shape.colour);
      return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.colour}" stroke-width="2"${shape.dashed === true ? ' stroke-dasharray="5 4"' : ''} marker-end="url(#${markerId(shape.colour)})"/>`;
    case 'text':
      return mode === 'text' ? textSvg(shape) : glyphSvg(shape);
  }
}

type Text = Extract<Shape, { kind: 'text' }>;

function textSvg(shape: Text): string {
  const weight = shape.weight === 'bold' ? ' font-weight="700"' : '';
  return `<text x="${shape.x}" y="${shape.y}" font-family="Pretendard" font-size="${shape.size}"${weight} fill="${shape.fill}">${escapeXml(shape.text)}</text>`;
}

function glyphSvg(shape: Text): string {
  const font = mapFont(shape.weight);
  const scale = shape.size / font.unitsPerEm;
  let advance = 0;
  let path = '';
  for (const char of shape.text) {
    const glyph = font.glyphOf(char.codePointAt(0) ?? 0);
    const outline = font.outline(glyph);
    if (outline !== null) path += `M${outline.x + advance} ${outline.y}${outline.path}`;
    advance += font.advance(glyph);
  }
  if (path === '') return '';
  return `<path fill="${shape.fill}" transform="translate(${shape.x} ${shape.y}) scale(${+scale.toFixed(6)})" d="${path}"/>`;
}
