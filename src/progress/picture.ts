import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { svgToPng } from '../map/png.ts';
import { fitText, measure, type Scene, type Shape } from '../map/scene.ts';
import { sceneSvg } from '../map/svg.ts';
import type { Result } from '../result.ts';
import { type GroupProgress, nameOf } from './progress.ts';

/**
 * `/progress group` as a picture: the members × labs grid (a filled square for a finished lab, an
 * empty one for a lab not yet done, so it reads without colour) and the group's accuracy per
 * topic as bars with their numbers. Drawn like the sandbox map (its scene, SVG with Pretendard's
 * glyphs, resvg), so Korean names and topics show as they are. Past `MAX_MEMBERS` rows, the rest
 * are counted in one line (the text reply beside the picture lists everyone).
 */
export const PICTURE = {
  margin: 24,
  nameWidth: 190,
  cell: { width: 40, height: 22, gap: 6 },
  row: 28,
  bar: { width: 420, height: 16 },
  maxMembers: 40,
  colour: {
    background: '#ffffff',
    ink: '#1f2328',
    muted: '#6e7781',
    done: '#2da44e',
    todo: { fill: '#ffffff', stroke: '#8c959f' },
    bar: { track: '#eaeef2', fill: '#2da44e' },
  },
} as const;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The scene, and where each cell and bar went (for the tests' pixel probes). */
export interface ProgressLayout {
  scene: Scene;
  cells: { member: string; lab: string; done: boolean; box: Box }[];
  bars: { topic: string; ratio: number; track: Box }[];
}

export function progressLayout(g: GroupProgress, lang: Lang): ProgressLayout {
  const { margin, nameWidth, cell, row, bar, colour } = PICTURE;
  const gridLeft = margin + nameWidth;
  const width = Math.max(760, gridLeft + g.labs.length * (cell.width + cell.gap) + margin);
  const shapes: Shape[] = [];
  const cells: ProgressLayout['cells'] = [];
  const bars: ProgressLayout['bars'] = [];
  const text = (x: number, y: number, s: string, size: number, bold = false, fill: string = colour.ink) =>
    shapes.push({ kind: 'text', x, y, text: s, size, weight: bold ? 'bold' : 'regular', fill });
  let y = margin + 22;
  text(margin, y, t(lang, 'perf.progress.pictureTitle'), 22, true);
  y += 36;
  text(margin, y, t(lang, 'progress.grid'), 15, true);
  y += 26;
  g.labs.forEach((_, i) => {
    const n = String(i + 1);
    const x = gridLeft + i * (cell.width + cell.gap) + (cell.width - measure(n, 12, 'bold')) / 2;
    text(x, y, n, 12, true, colour.muted);
  });
  y += 10;
  const shown = g.members.slice(0, PICTURE.maxMembers);
  if (shown.length === 0) {
    y += row;
    text(margin, y - 8, t(lang, 'progress.none'), 13, false, colour.muted);
  }
  shown.forEach((member, m) => {
    const top = y + m * row;
    text(margin, top + 16, fitText(nameOf(g, member), 13, 'regular', nameWidth - 12), 13);
    g.labs.forEach((lab, l) => {
      const done = (g.grid[m]?.[l] ?? null) !== null;
      const box = { x: gridLeft + l * (cell.width + cell.gap), y: top + 2, w: cell.width, h: cell.height };
      shapes.push({
        kind: 'rect',
        ...box,
        fill: done ? colour.done : colour.todo.fill,
        stroke: done ? colour.done : colour.todo.stroke,
        strokeWidth: 1,
      });
      cells.push({ member, lab, done, box });
    });
  });
  y += Math.max(shown.length, 0) * row;
  if (g.members.length > shown.length) {
    y += 18;
    text(
      margin,
      y,
      t(lang, 'perf.progress.moreMembers', { count: g.members.length - shown.length }),
      12,
      false,
      colour.muted,
    );
  }
  // The labs' names under the grid, as many to a line as fit.
  y += 24;
  let x = margin;
  g.labs.forEach((lab, i) => {
    const label = `${i + 1} ${lab}`;
    const w = measure(label, 12, 'regular') + 18;
    if (x + w > width - margin) {
      x = margin;
      y += 18;
    }
    text(x, y, label, 12, false, colour.muted);
    x += w;
  });
  y += 40;
  text(margin, y, t(lang, 'progress.groupAccuracy'), 15, true);
  y += 12;
  if (g.topics.length === 0) {
    y += row;
    text(margin, y - 8, t(lang, 'progress.none'), 13, false, colour.muted);
  }
  for (const topic of g.topics) {
    const ratio = topic.answered === 0 ? 0 : topic.correct / topic.answered;
    const track = { x: gridLeft, y: y + 6, w: bar.width, h: bar.height };
    text(margin, y + 19, fitText(topic.topic, 13, 'regular', nameWidth - 12), 13);
    shapes.push({ kind: 'rect', ...track, fill: colour.bar.track, stroke: colour.bar.track, strokeWidth: 1 });
    if (ratio > 0)
      shapes.push({
        kind: 'rect',
        ...track,
        w: Math.max(2, Math.round(bar.width * ratio)),
        fill: colour.bar.fill,
        stroke: colour.bar.fill,
        strokeWidth: 1,
      });
    const percent = Math.round(100 * ratio);
    text(gridLeft + bar.width + 12, y + 19, `${topic.correct}/${topic.answered} (${percent}%)`, 13);
    bars.push({ topic: topic.topic, ratio, track });
    y += row;
  }
  return { scene: { width, height: Math.ceil(y + margin), shapes }, cells, bars };
}

/** The PNG, or why it could not be drawn (the text reply stands alone then). */
export function progressPicture(g: GroupProgress, lang: Lang): Result<Uint8Array, string> {
  try {
    return svgToPng(sceneSvg(progressLayout(g, lang).scene, 'glyphs'));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
