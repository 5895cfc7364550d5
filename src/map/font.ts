import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The map's font: Pretendard (OFL, shipped by the `pretendard` npm package, with Hangul), read
 * here rather than by the renderer. resvg lays text out glyph by glyph on every render, about a
 * quarter of a millisecond a character, which puts a 100-pod map in seconds; so the map measures
 * and draws its own text. This module reads the TrueType tables it needs (head, hhea, maxp, cmap
 * formats 4 and 12, hmtx, loca, glyf with composite glyphs) and turns a glyph into an SVG path in
 * font units, y pointing down, each computed once per process. No shaping: Hangul syllables are
 * precomposed in Unicode, and the labels are Latin, digits and Hangul.
 */
export type Weight = 'regular' | 'bold';

export interface Font {
  unitsPerEm: number;
  ascender: number;
  /** The glyph a code point maps to (0, the .notdef box, when the font lacks it). */
  glyphOf(codePoint: number): number;
  advance(glyph: number): number;
  /** The outline in font units (y down), null for an empty glyph. */
  outline(glyph: number): Outline | null;
}

/**
 * A glyph's outline that can be drawn anywhere: its first point, and SVG path data from there in
 * relative commands only. `M${x + dx} ${y}${path}` draws it moved right by dx, so a run of
 * characters is one path (svg.ts).
 */
export interface Outline {
  x: number;
  y: number;
  path: string;
}

const FILES: Record<Weight, string> = {
  regular: 'Pretendard-Regular.ttf',
  bold: 'Pretendard-Bold.ttf',
};

const fontDir = (): string => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pretendard/package.json')), 'dist/public/static/alternative');
};

const loaded = new Map<Weight, Font>();

export function mapFont(weight: Weight): Font {
  const cached = loaded.get(weight);
  if (cached !== undefined) return cached;
  const font = parseFont(readFileSync(join(fontDir(), FILES[weight])));
  loaded.set(weight, font);
  return font;
}

export function parseFont(data: Buffer): Font {
  const tables = tableDirectory(data);
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const head = table('head');
  const unitsPerEm = data.readUInt16BE(head + 18);
  const longLoca = data.readInt16BE(head + 50) === 1;
  const hhea = table('hhea');
  const ascender = data.readInt16BE(hhea + 4);
  const longMetrics = data.readUInt16BE(hhea + 34);
  const glyphCount = data.readUInt16BE(table('maxp') + 4);
  const hmtx = table('hmtx');
  const loca = table('loca');
  const glyf = table('glyf');
  const cmap = readCmap(data, table('cmap'));
  const outlines = new Map<number, Outline | null>();

  const glyphRange = (glyph: number): [number, number] => {
    if (glyph < 0 || glyph >= glyphCount) return [0, 0];
    if (longLoca) return [data.readUInt32BE(loca + glyph * 4), data.readUInt32BE(loca + glyph * 4 + 4)];
    return [data.readUInt16BE(loca + glyph * 2) * 2, data.readUInt16BE(loca + glyph * 2 + 2) * 2];
  };
  const contours = (glyph: number, depth: number): Point[][] => {
    const [start, end] = glyphRange(glyph);
    if (end <= start || depth > 8) return [];
    const at = glyf + start;
    const count = data.readInt16BE(at);
    return count >= 0
      ? simpleGlyph(data, at, count)
      : compositeGlyph(data, at, (g) => contours(g, depth + 1));
  };
  return {
    unitsPerEm,
    ascender,
    glyphOf: (codePoint) => cmap(codePoint),
    advance: (glyph) => data.readUInt16BE(hmtx + Math.min(glyph, longMetrics - 1) * 4),
    outline(glyph) {
      const cached = outlines.get(glyph);
      if (cached !== undefined) return cached;
      const outline = outlineOf(contours(glyph, 0));
      outlines.set(glyph, outline);
      return outline;
    },
  };
}

function tableDirectory(data: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    tables.set(data.toString('latin1', entry, entry + 4), data.readUInt32BE(entry + 8));
  }
  return tables;
}

/** The Unicode subtable: format 12 (full repertoire) when present, else format 4 (the BMP). */
function readCmap(data: Buffer, cmap: number): (codePoint: number) => number {
  const count = data.readUInt16BE(cmap + 2);
  let format4: number | null = null;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const sub = cmap + data.readUInt32BE(record + 4);
    const format = data.readUInt16BE(sub);
    if (format === 12) return format12(data, sub);
    if (format === 4) format4 = sub;
  }
  if (format4 === null) throw new Error('font has no Unicode cmap');
  return format4Lookup(data, format4);
}

function format12(data: Buffer, sub: number): (codePoint: number) => number {
  const groups = data.readUInt32BE(sub + 12);
  return (codePoint) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const group = sub + 16 + mid * 12;
      const first = data.readUInt32BE(group);
      const last = data.readUInt32BE(group + 4);
      if (codePoint < first) hi = mid - 1;
      else if (codePoint > last) lo = mid + 1;
      else return data.readUInt32BE(group + 8) + codePoint - first;
    }
    return 0;
  };
}

function format4Lookup(data: Buffer, sub: number): (codePoint: number) => number {
  const segments = data.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > data.readUInt16BE(ends + i * 2)) continue;
      const start = data.readUInt16BE(starts + i * 2);
      if (codePoint < start) return 0;
      const delta = data.readInt16BE(deltas + i * 2);
      const rangeOffset = data.readUInt16BE(offsets + i * 2);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = data.readUInt16BE(offsets + i * 2 + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

interface Point {
  x: number;
  y: number;
  on: boolean;
}

function simpleGlyph(data: Buffer, at: number, contourCount: number): Point[][] {
  const ends: number[] = [];
  for (let i = 0; i < contourCount; i++) ends.push(data.readUInt16BE(at + 10 + i * 2));
  const pointCount = (ends.at(-1) ?? -1) + 1;
  let p = at + 10 + contourCount * 2;
  p += 2 + data.readUInt16BE(p);
  const flags: number[] = [];
  while (flags.length < pointCount) {
    const flag = data.readUInt8(p++);
    flags.push(flag);
    if (flag & 8) {
      const repeat = data.readUInt8(p++);
      for (let r = 0; r < repeat; r++) flags.push(flag);
    }
  }
  const coordinates = (short: number, same: number): number[] => {
    const out: number[] = [];
    let value = 0;
    for (const flag of flags.slice(0, pointCount)) {
      if (flag & short) {
        const delta = data.readUInt8(p++);
        value += flag & same ? delta : -delta;
      } else if (!(flag & same)) {
        value += data.readInt16BE(p);
        p += 2;
      }
      out.push(value);
    }
    return out;
  };
  const xs = coordinates(2, 16);
  const ys = coordinates(4, 32);
  const contours: Point[][] = [];
  let first = 0;
  for (const end of ends) {
    const contour: Point[] = [];
    for (let i = first; i <= end; i++)
      contour.push({ x: xs[i] ?? 0, y: ys[i] ?? 0, on: ((flags[i] ?? 0) & 1) === 1 });
    contours.push(contour);
    first = end + 1;
  }
  return contours;
}

/** Components placed by x/y offsets, optionally scaled (point matching is not used by Pretendard). */
function compositeGlyph(data: Buffer, at: number, contoursOf: (glyph: number) => Point[][]): Point[][] {
  const out: Point[][] = [];
  let p = at + 10;
  for (;;) {
    const flags = data.readUInt16BE(p);
    const glyph = data.readUInt16BE(p + 2);
    p += 4;
    const words = (flags & 1) !== 0;
    const dx = words ? data.readInt16BE(p) : data.readInt8(p);
    const dy = words ? data.readInt16BE(p + 2) : data.readInt8(p + 1);
    p += words ? 4 : 2;
    let [a, b, c, d] = [1, 0, 0, 1];
    const f2dot14 = (offset: number) => data.readInt16BE(offset) / 16384;
    if (flags & 8) {
      a = d = f2dot14(p);
      p += 2;
    } else if (flags & 0x40) {
      a = f2dot14(p);
      d = f2dot14(p + 2);
      p += 4;
    } else if (flags & 0x80) {
      [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
      p += 8;
    }
    const offset = (flags & 2) !== 0 ? { dx, dy } : { dx: 0, dy: 0 };
    for (const contour of contoursOf(glyph))
      out.push(
        contour.map((pt) => ({
          x: a * pt.x + c * pt.y + offset.dx,
          y: b * pt.x + d * pt.y + offset.dy,
          on: pt.on,
        })),
      );
    if (!(flags & 0x20)) return out;
  }
}

/** A point or control point in whole font units, y down: what the outline is written in. */
const unit = (pt: { x: number; y: number }): [number, number] => [Math.round(pt.x), Math.round(-pt.y)];

/** The contours as one outline: relative commands after the first point, each contour closed. */
function outlineOf(contours: Point[][]): Outline | null {
  let start: [number, number] | null = null;
  // Pieces joined once: a string built by += stays a tree of pieces that every picture using
  // the glyph would walk again (16-19 ms of a 100-pod map's SVG); joined, it is one flat string.
  const path: string[] = [];
  let at: [number, number] = [0, 0];
  const relative = ([x, y]: [number, number]): string => `${x - at[0]} ${y - at[1]}`;
  const segment = (end: [number, number], control: [number, number] | null = null): string => {
    const d = control === null ? `l${relative(end)}` : `q${relative(control)} ${relative(end)}`;
    at = end;
    return d;
  };
  for (const contour of contours) {
    const segments = contourSegments(contour);
    if (segments === null) continue;
    if (start === null) {
      start = segments.from;
      at = start;
    } else {
      path.push(`m${relative(segments.from)}`);
      at = segments.from;
    }
    for (const [control, end] of segments.to) path.push(segment(end, control));
    // Closing returns the current point to where this contour began.
    path.push('z');
    at = segments.from;
  }
  return start === null ? null : { x: start[0], y: start[1], path: path.join('') };
}

/**
 * A TrueType contour as where it starts and the lines and quadratic curves that take it round and
 * back there (a control point null for a line); between two off-curve points lies an implied
 * on-curve one.
 */
function contourSegments(
  points: Point[],
): { from: [number, number]; to: Array<[[number, number] | null, [number, number]]> } | null {
  if (points.length === 0) return null;
  const startIndex = points.findIndex((pt) => pt.on);
  const first = points[startIndex] ?? {
    x: ((points[0]?.x ?? 0) + (points.at(-1)?.x ?? 0)) / 2,
    y: ((points[0]?.y ?? 0) + (points.at(-1)?.y ?? 0)) / 2,
    on: true,
  };
  const ordered = startIndex < 0 ? points : [...points.slice(startIndex + 1), ...points.slice(0, startIndex)];
  const to: Array<[[number, number] | null, [number, number]]> = [];
  let control: Point | null = null;
  for (const pt of [...ordered, first]) {
    if (pt.on) {
      to.push([control === null ? null : unit(control), unit(pt)]);
      control = null;
    } else if (control === null) {
      control = pt;
    } else {
      to.push([unit(control), unit({ x: (control.x + pt.x) / 2, y: (control.y + pt.y) / 2 })]);
      control = pt;
    }
  }
  return { from: unit(first), to };
}
