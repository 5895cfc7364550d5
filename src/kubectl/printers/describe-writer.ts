import type { PodEvent } from '../../cluster/events.ts';
import type { Labels } from '../../cluster/model.ts';
import { humanDuration } from './duration.ts';
import { displayWidth, spaces } from './table.ts';

/**
 * What kubectl's describers write with: a PrefixWriter (two spaces per level) over one Go
 * text/tabwriter (minwidth 0, tabwidth 8, padding 2, space padding). Tab-terminated cells of
 * consecutive lines form a column block as wide as its widest cell plus 2; a line with fewer
 * cells ends the block. That is why "Service Account:" sets the width of everything from
 * "Name:" to "IP:", and why a cell before an empty last cell keeps its padding as trailing
 * spaces. `flush()` starts a new, independently aligned region (DescribeEvents does that).
 */
export interface DescribeWriter {
  /** Writes `text` (which may contain tabs and newlines) after `level` two-space indents. */
  write(level: number, text: string): void;
  flush(): void;
  /** Flushes, then appends text already aligned as a region of its own. */
  raw(text: string): void;
  text(): string;
}

export function describeWriter(): DescribeWriter {
  const flushed: string[] = [];
  let pending = '';
  return {
    write(level, text) {
      pending += '  '.repeat(level) + text;
    },
    flush() {
      flushed.push(tabwrite(pending));
      pending = '';
    },
    raw(text) {
      flushed.push(tabwrite(pending), text);
      pending = '';
    },
    text() {
      return flushed.join('') + tabwrite(pending);
    },
  };
}

const PADDING = 2;
/** Cells are measured in runes (code points), as Go's tabwriter counts them. */
const runes = displayWidth;

/** Go's text/tabwriter format(), for complete lines. */
export function tabwrite(text: string): string {
  const rows = text.split('\n');
  const tail = rows.pop() ?? '';
  const lines = rows.map((row) => row.split('\t'));
  const out: string[] = [];
  const writeLines = (from: number, to: number, widths: number[]) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      let line = '';
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j] ?? '';
        const width = widths[j];
        line += width === undefined ? cell : cell + spaces(Math.max(0, width - runes(cell)));
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
        width = Math.max(width, runes(cells[column] ?? '') + PADDING);
      }
      format(start, row, [...widths, width]);
      start = row;
    }
    writeLines(start, line1, widths);
  };
  format(0, lines.length, []);
  return out.join('') + tail;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC, as the API's whole-second timestamps give it. */
export function rfc1123z(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultiline: `key=value`, sorted, continuation lines start with a tab. */
export function writeLabels(w: DescribeWriter, title: string, labels: Labels): void {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) {
    w.write(0, `${title}:\t<none>\n`);
    return;
  }
  keys.forEach((key, i) => {
    w.write(0, `${i === 0 ? `${title}:` : ''}\t${key}=${labels[key] ?? ''}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
/** describe hides the (long) last-applied-configuration annotation. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: `key: value`; long or multi-line values go below their key. */
export function writeAnnotations(w: DescribeWriter, annotations: Labels): void {
  const keys = Object.keys(annotations)
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, 'Annotations:\t<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    const lead = i === 0 ? 'Annotations:\t' : '\t';
    const value = (annotations[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${lead}${key}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(0, `${lead}${key}: ${value}\n`);
  });
}

const shorten = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}...` : s);

/** DescribeEvents: `<none>` in the current block, or a freshly aligned table. */
export function writeEvents(w: DescribeWriter, events: readonly PodEvent[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const since = (t: number) => humanDuration(now - t);
    const age = e.count > 1 ? `${since(e.last)} (x${e.count} over ${since(e.first)})` : since(e.first);
    w.write(1, `${e.type}\t${e.reason}\t${age}\t${e.source}\t${e.message.trim()}\n`);
  }
}
