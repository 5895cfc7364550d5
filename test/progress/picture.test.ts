import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PICTURE, progressLayout } from '../../src/progress/picture.ts';
import { groupProgress } from '../../src/progress/progress.ts';
import { testApp } from '../helpers/app.ts';
import { answersTo } from '../quiz/harness.ts';

/**
 * `/progress group` as a picture: the PNG the member receives, decoded, probed where the layout
 * put each grid cell and each topic's bar.
 */
const decode = (bytes: Uint8Array | string) => PNG.sync.read(Buffer.from(bytes));
const hex = (png: PNG, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return `#${[png.data[i], png.data[i + 1], png.data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
};
const inkIn = (png: PNG, x0: number, y0: number, w: number, h: number) => {
  let ink = 0;
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) if ((png.data[(y * png.width + x) * 4] ?? 255) < 128) ink++;
  return ink;
};

function practise(t: ReturnType<typeof testApp>, user: string, topic: string, right: boolean) {
  t.send(user, `/quiz practice ${topic}`);
  const solo = t.app.quiz.progress.solo({ platform: 'console', scope: 'test', user });
  const question = t.app.quiz.catalog().question(solo?.questionId ?? '');
  if (question === null) throw new Error('no question');
  const { right: r, wrong: w } = answersTo(question);
  t.send(user, `/quiz answer ${right ? r : w}`);
}

function recorded() {
  const t = testApp();
  practise(t, 'alice', 'labels', true);
  practise(t, 'alice', 'labels', false);
  practise(t, '김민지', 'labels', false);
  practise(t, '김민지', 'selectors', true);
  t.send('alice', '/lab start first-pod');
  t.app.db.prepare("UPDATE lab_runs SET finished_at = ? WHERE user_id = 'alice'").run(t.clock.now);
  return t;
}

describe('/progress group picture', () => {
  it('GIVEN answers and a finished lab WHEN /progress group THEN a PNG beside the text: filled where a lab is done, empty where not, bars as long as the accuracy', () => {
    const t = recorded();
    const reply = t.send('alice', '/progress group');
    expect(reply.ok).toBe(true);
    const file = reply.files?.[0];
    expect(file?.name).toBe('group-progress.png');
    expect(file?.contentType).toBe('image/png');
    const png = decode(file?.data ?? new Uint8Array());
    const layout = progressLayout(groupProgress(t.app, 'console', 'test', 'en'), 'en');
    expect([png.width, png.height]).toEqual([layout.scene.width, layout.scene.height]);
    expect(file?.data.length).toBeLessThan(1024 * 1024);

    const cell = (member: string, lab: string) =>
      layout.cells.find((c) => c.member === member && c.lab === lab);
    const done = cell('alice', 'first-pod');
    const todo = cell('김민지', 'first-pod');
    expect(done?.done).toBe(true);
    expect(todo?.done).toBe(false);
    const centre = (b: { x: number; y: number; w: number; h: number }) =>
      [b.x + b.w / 2, b.y + b.h / 2] as const;
    expect(hex(png, ...centre(done?.box ?? { x: 0, y: 0, w: 0, h: 0 }))).toBe(PICTURE.colour.done);
    expect(hex(png, ...centre(todo?.box ?? { x: 0, y: 0, w: 0, h: 0 }))).toBe(PICTURE.colour.todo.fill);

    // labels: some right, some wrong; selectors: all right.
    const bar = (topic: string) => layout.bars.find((b) => b.topic === topic);
    const labels = bar('labels');
    const selectors = bar('selectors');
    const accuracy = (topic: string) => {
      const row = groupProgress(t.app, 'console', 'test', 'en').topics.find((a) => a.topic === topic);
      return (row?.correct ?? 0) / (row?.answered ?? 1);
    };
    expect(labels?.ratio).toBe(accuracy('labels'));
    expect(labels?.ratio).toBeGreaterThan(0);
    expect(labels?.ratio).toBeLessThan(1);
    expect(selectors?.ratio).toBe(1);
    const ratio = labels?.ratio ?? 0;
    const probe = (b: typeof labels, at: number) =>
      hex(png, (b?.track.x ?? 0) + (b?.track.w ?? 0) * at, (b?.track.y ?? 0) + (b?.track.h ?? 0) / 2);
    expect(probe(labels, ratio / 2)).toBe(PICTURE.colour.bar.fill);
    expect(probe(labels, (1 + ratio) / 2)).toBe(PICTURE.colour.bar.track);
    expect(probe(selectors, 0.95)).toBe(PICTURE.colour.bar.fill);
  });

  it('GIVEN a Korean member name WHEN the picture is drawn in Korean THEN the name’s row has ink (its glyphs come from the bundled font)', () => {
    const t = recorded();
    t.send('alice', '/lang ko');
    const reply = t.send('alice', '/progress group');
    const png = decode(reply.files?.[0]?.data ?? new Uint8Array());
    const layout = progressLayout(groupProgress(t.app, 'console', 'test', 'ko'), 'ko');
    const row = layout.cells.find((c) => c.member === '김민지')?.box;
    expect(row).toBeDefined();
    expect(inkIn(png, PICTURE.margin, row?.y ?? 0, 60, 20)).toBeGreaterThan(20);
  });
});
