import { mapFont } from './font.ts';
import type { Scene, Shape } from './scene.ts';
import { STYLE } from './style.ts';

/**
 * A scene as SVG. `text` mode writes `<text>` elements (readable, diffable: the golden files,
 * and what a member could open in a browser); `glyphs` mode writes each character as a `<use>`
 * of its outline from Pretendard, defined once in `<defs>`, which is what the PNG is rasterised
 * from: the renderer then never lays text out and never needs a font of its own.
 */
export type TextMode = 'text' | 'glyphs';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sceneSvg(scene: Scene, mode: TextMode): string {
  const glyphs = new Map<string, string>();
  const markers = new Set<string>();
  const body = scene.shapes.map((shape) => shapeSvg(shape, mode, glyphs, markers)).join('\n');
  const markerDefs = [...markers]
    .sort()
    .map(
      (colour) =>
        `<marker id="${markerId(colour)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 0L10 5L0 10Z" fill="${colour}"/></marker>`,
    );
  const glyphDefs = [...glyphs.entries()].map(([id, d]) => `<path id="${id}" d="${d}"/>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}">`,
    `<defs>${[...markerDefs, ...glyphDefs].join('')}</defs>`,
    `<rect width="${scene.width}" height="${scene.height}" fill="${STYLE.colour.background}"/>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

const markerId = (colour: string) => `arrow-${colour.replace('#', '')}`;

function shapeSvg(shape: Shape, mode: TextMode, glyphs: Map<string, string>, markers: Set<string>): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}" rx="${STYLE.radius}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"${shape.dashed === true ? ' stroke-dasharray="6 4"' : ''}/>`;
    case 'circle':
      return `<circle cx="${shape.x}" cy="${shape.y}" r="${shape.r}" fill="${shape.fill}"/>`;
    case 'arrow':
      markers.add(shape.colour);
      return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.colour}" stroke-width="2"${shape.dashed === true ? ' stroke-dasharray="5 4"' : ''} marker-end="url(#${markerId(shape.colour)})"/>`;
    case 'text':
      return mode === 'text' ? textSvg(shape) : glyphSvg(shape, glyphs);
  }
}

type Text = Extract<Shape, { kind: 'text' }>;

function textSvg(shape: Text): string {
  const weight = shape.weight === 'bold' ? ' font-weight="700"' : '';
  return `<text x="${shape.x}" y="${shape.y}" font-family="Pretendard" font-size="${shape.size}"${weight} fill="${shape.fill}">${escapeXml(shape.text)}</text>`;
}

function glyphSvg(shape: Text, glyphs: Map<string, string>): string {
  const font = mapFont(shape.weight);
  const scale = shape.size / font.unitsPerEm;
  let advance = 0;
  const uses: string[] = [];
  for (const char of shape.text) {
    const glyph = font.glyphOf(char.codePointAt(0) ?? 0);
    const id = `${shape.weight === 'bold' ? 'b' : 'r'}${glyph}`;
    const outline = font.outline(glyph);
    if (outline !== '') {
      if (!glyphs.has(id)) glyphs.set(id, outline);
      uses.push(`<use href="#${id}" x="${advance}"/>`);
    }
    advance += font.advance(glyph);
  }
  return `<g fill="${shape.fill}" transform="translate(${shape.x} ${shape.y}) scale(${+scale.toFixed(6)})">${uses.join('')}</g>`;
}
