import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { mapFont } from '../../src/map/font.ts';
import { drawMap } from '../../src/map/map.ts';
import { svgToPng } from '../../src/map/png.ts';
import { STYLE } from '../../src/map/style.ts';
import { sceneSvg } from '../../src/map/svg.ts';
import { mapFixture, walkthrough } from './fixtures.ts';

/**
 * The PNG as a member receives it, decoded with pngjs: its size, and colours where the layout
 * puts them. The Korean check renders with system fonts off and only the bundled Pretendard
 * glyphs, and looks for ink where the label is.
 */
const decode = (bytes: Uint8Array) => PNG.sync.read(Buffer.from(bytes));
const pixel = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
};
const hex = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
const inkIn = (png: PNG, x0: number, y0: number, w: number, h: number) => {
  let ink = 0;
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) if ((pixel(png, x, y)[0] ?? 255) < 128) ink += 1;
  return ink;
};

describe('sandbox map PNG', () => {
  it('GIVEN run kubia WHEN drawn THEN a PNG the map width, white at the corner, the node frame grey and the Running dot green', () => {
    const f = walkthrough(1);
    const drawn = drawMap(f.view(), 'en');
    if (!drawn.ok) throw new Error(drawn.error);
    const png = decode(drawn.value);
    expect(png.width).toBe(STYLE.width);
    expect(png.height).toBeGreaterThan(400);
    expect(drawn.value.length).toBeLessThan(1024 * 1024);
    expect(pixel(png, 2, 2)).toEqual(hex(STYLE.colour.background));
    // The first node box starts right of the computer column, below the title.
    const left = STYLE.margin + STYLE.computer.width + STYLE.gap * 3;
    const greyAt = [...Array(40).keys()].map((dy) => pixel(png, left + 30, 60 + dy));
    expect(greyAt).toContainEqual(hex(STYLE.colour.node.stroke));
    // Somewhere the phase dot is drawn in the Running colour.
    let green = 0;
    for (let y = 0; y < png.height; y++)
      for (let x = left; x < left + 400; x++)
        if (pixel(png, x, y).join() === hex(STYLE.phase.Running).join()) green += 1;
    expect(green).toBeGreaterThan(20);
  });

  it('GIVEN a Korean label WHEN rendered with only the bundled font THEN the font maps every syllable and the label area has ink', () => {
    const label = '샌드박스 지도 · 내 컴퓨터';
    const font = mapFont('regular');
    for (const char of label.replace(/[ ·]/g, ''))
      expect(font.glyphOf(char.codePointAt(0) ?? 0), char).not.toBe(0);
    const scene = {
      width: 300,
      height: 60,
      shapes: [
        {
          kind: 'text' as const,
          x: 10,
          y: 40,
          text: label,
          size: 24,
          weight: 'regular' as const,
          fill: '#000000',
        },
      ],
    };
    const drawn = svgToPng(sceneSvg(scene, 'glyphs'));
    if (!drawn.ok) throw new Error(drawn.error);
    const png = decode(drawn.value);
    expect(inkIn(png, 10, 15, 280, 32)).toBeGreaterThan(400);
  });

  it("GIVEN text drawn from the font's outlines WHEN compared with resvg laying the same characters out from the font file THEN the shapes match", () => {
    // Single characters (simple, composite and many-contoured glyphs) and two pairs that
    // Pretendard does not kern, each drawn at 160 px from its outlines (glyphs mode, one path a
    // piece of text) and by resvg itself from the font file.
    const size = 160;
    const shape = (text: string) => ({
      width: 400,
      height: 200,
      shapes: [
        { kind: 'text' as const, x: 20, y: 160, text, size, weight: 'regular' as const, fill: '#000000' },
      ],
    });
    const fontFile = createRequire(import.meta.url).resolve(
      'pretendard/dist/public/static/alternative/Pretendard-Regular.ttf',
    );
    for (const text of ['B', '8', 'g', '@', 'é', '의', '샌', '쀍', 'HI', '샌드']) {
      const ours = svgToPng(sceneSvg(shape(text), 'glyphs'));
      if (!ours.ok) throw new Error(ours.error);
      const theirs = new Resvg(sceneSvg(shape(text), 'text'), {
        font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: 'Pretendard' },
        logLevel: 'off',
      }).render();
      const a = decode(ours.value);
      const b = decode(theirs.asPng());
      let ink = 0;
      let apart = 0;
      for (let i = 0; i < a.data.length; i += 4) {
        if ((a.data[i] ?? 255) < 128 || (b.data[i] ?? 255) < 128) ink += 1;
        if (Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) > 96) apart += 1;
      }
      expect(ink, text).toBeGreaterThan(400);
      expect(apart / ink, text).toBeLessThan(0.01);
    }
  });

  it('GIVEN a Korean map WHEN drawn THEN the title row has ink (Hangul drawn, not boxes or blanks)', () => {
    const drawn = drawMap(walkthrough(1).view(), 'ko');
    if (!drawn.ok) throw new Error(drawn.error);
    const png = decode(drawn.value);
    expect(inkIn(png, STYLE.margin, STYLE.margin, 200, 24)).toBeGreaterThan(300);
  });

  it('GIVEN 100 pods in 20 namespaces WHEN drawn THEN the PNG stays under 1 MB', () => {
    const f = mapFixture();
    for (let n = 0; n < 20; n++) f.run(`kubectl create namespace team-${String(n).padStart(2, '0')}`);
    for (let i = 0; i < 100; i++)
      f.run(
        `kubectl run web-${i}-with-a-rather-long-name-for-truncation -n team-${String(i % 20).padStart(2, '0')} --image=nginx --labels=app=web,tier=t${i % 3}`,
      );
    const view = f.view('-A');
    expect(view.pods.length).toBeGreaterThanOrEqual(100);
    const drawn = drawMap(view, 'en');
    if (!drawn.ok) throw new Error(drawn.error);
    expect(drawn.value.length).toBeLessThan(1024 * 1024);
    expect(decode(drawn.value).width).toBe(STYLE.width);
  });
});
