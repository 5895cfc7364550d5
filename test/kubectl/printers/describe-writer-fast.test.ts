import { describe, expect, it } from 'vitest';
import type { PodEvent } from '../../../src/cluster/events.ts';
import {
  describeWriter,
  rfc1123z,
  tabwrite,
  writeAnnotations,
  writeEvents,
} from '../../../src/kubectl/printers/describe-writer.ts';
import { humanDuration } from '../../../src/kubectl/printers/duration.ts';
import { createRandom } from '../../../src/quiz/random.ts';
import { T0 } from '../../cluster/lifecycle-fixtures.ts';

/**
 * The describe writer's fast paths against plain references: Go's tabwriter written the obvious
 * way (split, recurse, pad), RFC1123Z through Date, and the events table aligned by `tabwrite`.
 * Inputs come from a fixed seed.
 */

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/** text/tabwriter's format() as first written here: the reference. */
function referenceTabwrite(text: string): string {
  const rows = text.split('\n');
  const tail = rows.pop() ?? '';
  const lines = rows.map((row) => row.split('\t'));
  const runes = (s: string) => [...s].length;
  const out: string[] = [];
  const writeLines = (from: number, to: number, widths: number[]) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      let line = '';
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j] ?? '';
        const width = widths[j];
        line += width === undefined ? cell : cell + ' '.repeat(Math.max(0, width - runes(cell)));
      }
      out.push(`${line}\n`);
    }
  };
  const format = (line0: number, line1: number, widths: number[]) => {
    const column = widths.length;
    let start = line0;
    for (let row = line0; row < line1; row++) {
      if (column >= (lines[row]?.length ?? 0) - 1) continue;
      writeLines(start, row, widths);
      start = row;
      let width = 0;
      for (; row < line1; row++) {
        const cells = lines[row] ?? [];
        if (column >= cells.length - 1) break;
        width = Math.max(width, runes(cells[column] ?? '') + 2);
      }
      format(start, row, [...widths, width]);
      start = row;
    }
    writeLines(start, line1, widths);
  };
  format(0, lines.length, []);
  return out.join('') + tail;
}

const PIECES = ['', 'a', 'Name:', 'Service Account:', '  IP:', '한글', '😀x', ' ', 'x'.repeat(30), 'é'];

function randomText(next: () => number): string {
  const lines: string[] = [];
  const count = Math.floor(next() * 12);
  // Half the texts have at most one tab a line (describe's usual case, aligned by a shorter way).
  const most = next() < 0.5 ? 2 : 5;
  for (let i = 0; i < count; i++) {
    const cells = Math.floor(next() * most);
    const line: string[] = [];
    for (let j = 0; j <= cells; j++) line.push(PIECES[Math.floor(next() * PIECES.length)] ?? '');
    lines.push(line.join('\t'));
  }
  const tail = next() < 0.3 ? 'partial\tline' : '';
  return lines.map((l) => `${l}\n`).join('') + tail;
}

describe('describe writer fast paths', () => {
  it('GIVEN 5,000 random tab-separated texts WHEN aligned THEN tabwrite equals the reference tabwriter', () => {
    const next = random(97);
    let differences = 0;
    for (let i = 0; i < 5000; i++) {
      const text = randomText(next);
      if (tabwrite(text) !== referenceTabwrite(text)) differences++;
    }
    expect(differences).toBe(0);
  });

  it('GIVEN 20,000 instants over 60 years WHEN printed THEN rfc1123z equals the Date-based format', () => {
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const reference = (ms: number) => {
      const d = new Date(Math.floor(ms / 1000) * 1000);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
    };
    const next = random(5);
    let differences = 0;
    let t = T0 - 30 * 365 * 86_400_000;
    for (let i = 0; i < 20_000; i++) {
      // Mostly small steps (the same day again), some across days and years, some back.
      const r = next();
      t +=
        r < 0.6
          ? Math.floor(next() * 5000)
          : r < 0.9
            ? Math.floor(next() * 3 * 86_400_000)
            : -Math.floor(next() * 400 * 86_400_000);
      if (rfc1123z(t) !== reference(t)) differences++;
      const midnight = Math.floor(t / 86_400_000) * 86_400_000;
      if (rfc1123z(midnight - 1) !== reference(midnight - 1)) differences++;
    }
    expect(differences).toBe(0);
  });

  it('GIVEN 3,000 random event lists WHEN written THEN the table equals the one tabwrite aligns', () => {
    const next = random(31);
    const pick = (xs: readonly string[]) => xs[Math.floor(next() * xs.length)] ?? '';
    const reasons = [
      'Scheduled',
      'Pulled',
      'BackOff',
      'FailedScheduling',
      'Killing',
      'Starting',
      '한글',
      '😀'.repeat(9),
    ];
    const messages = ['', 'Started container x', '  padded  ', 'tab\there', 'two\nlines', '😀 image', 'é'];
    const sources = ['kubelet', 'default-scheduler', 'kube-proxy', 'node-controller'];
    let differences = 0;
    let slow = 0;
    for (let i = 0; i < 3000; i++) {
      const now = T0 + 10_000_000;
      const events: PodEvent[] = Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
        const first = now - Math.floor(next() * 9_000_000);
        return {
          type: next() < 0.5 ? 'Normal' : 'Warning',
          reason: pick(reasons),
          source: pick(sources),
          message: pick(messages),
          count: next() < 0.5 ? 1 : 1 + Math.floor(next() * 40),
          first,
          last: first + Math.floor(next() * (now - first)),
        };
      });
      const w = describeWriter();
      w.write(0, 'QoS Class:\tBestEffort\n');
      writeEvents(w, events, now);
      const since = (t: number) => humanDuration(now - t);
      let expected = 'QoS Class:  BestEffort\n';
      let table = 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n';
      for (const e of events) {
        const age = e.count > 1 ? `${since(e.last)} (x${e.count} over ${since(e.first)})` : since(e.first);
        table += `  ${e.type}\t${e.reason}\t${age}\t${e.source}\t${e.message.trim()}\n`;
      }
      expected += referenceTabwrite(table);
      if (w.text() !== expected) differences++;
      if (events.some((e) => /[\t\n]/.test(e.message.trim()))) slow++;
    }
    expect(differences).toBe(0);
    // Both ways were taken: tables with a tab or newline in a message, and plain ones.
    expect(slow).toBeGreaterThan(100);
    expect(slow).toBeLessThan(2900);
  });

  it('GIVEN 3,000 random annotation maps WHEN written THEN the lines equal printAnnotationsMultiline as first written here', () => {
    const reference = (annotations: Record<string, string>): string => {
      const keys = Object.keys(annotations)
        .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
        .sort();
      if (keys.length === 0) return 'Annotations:\t<none>\n';
      const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}...` : s);
      return keys
        .map((key, i) => {
          const lead = i === 0 ? 'Annotations:\t' : '\t';
          const value = (annotations[key] ?? '').replace(/\n$/, '');
          if (value.length + key.length + 2 > 140 || value.includes('\n'))
            return `${lead}${key}:\n${value
              .split('\n')
              .map((line) => `\t  ${shorten(line, 138)}\n`)
              .join('')}`;
          return `${lead}${key}: ${value}\n`;
        })
        .join('');
    };
    const next = random(77);
    const keys = ['note', 'a.b/c', 'kubectl.kubernetes.io/last-applied-configuration', 'z', 'x'.repeat(60)];
    const values = ['', 'v', 'ends\n', 'two\nlines\n', '\n', 'y'.repeat(80), 'w'.repeat(200), 'tab\tin'];
    let differences = 0;
    for (let i = 0; i < 3000; i++) {
      const annotations: Record<string, string> = {};
      const count = Math.floor(next() * 4);
      for (let j = 0; j < count; j++)
        annotations[keys[Math.floor(next() * keys.length)] ?? ''] =
          values[Math.floor(next() * values.length)] ?? '';
      const w = describeWriter();
      writeAnnotations(w, annotations);
      if (w.text() !== tabwrite(reference(annotations))) differences++;
    }
    expect(differences).toBe(0);
  });

  it('GIVEN 5,000 random sequences of writes, pairs, flushes and raw text WHEN written THEN the text equals the reference tabwriter over the same text', () => {
    const random = createRandom('describe-writer-lines');
    const pieces = [...PIECES, 'a\tb', 'x\n', '\t', 'k:\tv\n', 'two\tthree\tcells\n', 'IPs:\n  IP:\t1\n'];
    let differences = 0;
    let ways = 0;
    for (let i = 0; i < 5000; i++) {
      const w = describeWriter();
      const regions: string[] = [''];
      const at = (text: string) => {
        regions[regions.length - 1] += text;
      };
      const steps = random.int(14);
      for (let j = 0; j < steps; j++) {
        const level = random.int(5);
        const lead = '  '.repeat(level);
        const r = random.next();
        if (r < 0.45) {
          const key = random.pick(pieces);
          const value = random.pick(pieces);
          w.pair(level, key, value);
          at(`${lead}${key}\t${value}\n`);
        } else if (r < 0.85) {
          // Mostly whole lines, sometimes several or an unfinished one.
          const lines = Array.from({ length: 1 + random.int(3) }, () =>
            Array.from({ length: 1 + random.int(random.chance(0.7) ? 2 : 4) }, () =>
              random.pick(PIECES),
            ).join('\t'),
          );
          const text = lines.join('\n') + (random.chance(0.85) ? '\n' : '');
          w.write(level, text);
          at(lead + text);
        } else if (r < 0.93) {
          w.flush();
          regions.push('');
        } else {
          const text = random.pick(['Events:\n', 'aligned\tas is\n', '']);
          w.raw(text);
          regions.push(`\u0000${text}`, '');
        }
      }
      const expected = regions
        .map((region) => (region.startsWith('\u0000') ? region.slice(1) : referenceTabwrite(region)))
        .join('');
      if (w.text() !== expected) differences++;
      if (regions.some((region) => /\t[^\n]*\t/.test(region))) ways++;
    }
    expect(differences).toBe(0);
    // Regions with a line of three cells or more (aligned through tabwrite) and without both came.
    expect(ways).toBeGreaterThan(500);
    expect(ways).toBeLessThan(4500);
  });

  it('GIVEN 500 seeded event lists each written at 20 instants WHEN the rows kept for the list are used THEN each table equals the reference tabwriter output', () => {
    const random = createRandom('describe-events-kept');
    const reasons = ['Scheduled', 'Pulled', 'BackOff', 'Killing', '한글', '😀'.repeat(9)];
    const messages = ['Started container x', '  padded  ', 'tab\there', 'two\nlines', '😀 image', ''];
    let differences = 0;
    let plain = 0;
    for (let i = 0; i < 500; i++) {
      const start = T0 + random.int(10_000_000);
      const events: PodEvent[] = Array.from({ length: 1 + random.int(8) }, () => {
        const first = start - random.int(9_000_000);
        return {
          type: random.chance(0.5) ? 'Normal' : 'Warning',
          reason: random.pick(reasons),
          source: random.pick(['kubelet', 'default-scheduler']),
          message: random.chance(0.9) ? `Started container c${random.int(20)}` : random.pick(messages),
          count: random.chance(0.5) ? 1 : 1 + random.int(40),
          first,
          last: first + random.int(start - first + 1),
        };
      });
      let now = start;
      for (let j = 0; j < 20; j++) {
        now += random.pick([1000, 30_000, 600_000, 20 * 3_600_000]);
        const kept = describeWriter();
        writeEvents(kept, events, now);
        const since = (t: number) => humanDuration(now - t);
        let table = 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n';
        for (const e of events) {
          const age = e.count > 1 ? `${since(e.last)} (x${e.count} over ${since(e.first)})` : since(e.first);
          table += `  ${e.type}\t${e.reason}\t${age}\t${e.source}\t${e.message.trim()}\n`;
        }
        if (kept.text() !== referenceTabwrite(table)) differences++;
      }
      if (!events.some((e) => /[\t\n]/.test(e.message.trim()))) plain++;
    }
    expect(differences).toBe(0);
    expect(plain).toBeGreaterThan(300);
  });
});
