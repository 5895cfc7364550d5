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

const INDENTS = ['', '  ', '    ', '      '];

export function describeWriter(): DescribeWriter {
  const flushed: string[] = [];
  let pending = '';
  return {
    write(level, text) {
      pending += (INDENTS[level] ?? '  '.repeat(level)) + text;
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
      flushed.push(tabwrite(pending));
      return flushed.join('');
    },
  };
}

const PADDING = 2;
/** Cells are measured in runes (code points), as Go's tabwriter counts them. */
const runes = displayWidth;

/**
 * Go's text/tabwriter format(), for complete lines (a partial last line is kept as it is). Text
 * without a tab is one cell a line, which is never padded: it comes back unchanged.
 */
export function tabwrite(text: string): string {
  if (!text.includes('\t')) return text;
  const pairs = twoCellLines(text);
  if (pairs !== undefined) return alignPairs(text, pairs);
  // Every line's cells, in one list: line i has cells[starts[i]] up to cells[starts[i + 1]].
  const cells: string[] = [];
  const starts: number[] = [];
  let pos = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', pos)) {
    starts.push(cells.length);
    for (let tab = text.indexOf('\t', pos); tab >= 0 && tab < nl; tab = text.indexOf('\t', pos)) {
      cells.push(text.slice(pos, tab));
      pos = tab + 1;
    }
    cells.push(text.slice(pos, nl));
    pos = nl + 1;
  }
  const lines = starts.length;
  starts.push(cells.length);
  const cellsOf = (line: number) => (starts[line + 1] ?? 0) - (starts[line] ?? 0);
  const widths: number[] = [];
  let out = '';
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const first = starts[i] ?? 0;
      const end = starts[i + 1] ?? 0;
      for (let c = first; c < end; c++) {
        const cell = cells[c] ?? '';
        const width = widths[c - first];
        out += width === undefined ? cell : cell + spaces(Math.max(0, width - runes(cell)));
      }
      out += '\n';
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    for (let row = line0; row < line1; row++) {
      if (column >= cellsOf(row) - 1) continue;
      writeLines(start, row);
      start = row;
      let width = 0;
      for (; row < line1; row++) {
        if (column >= cellsOf(row) - 1) break;
        width = Math.max(width, runes(cells[(starts[row] ?? 0) + column] ?? '') + PADDING);
      }
      widths.push(width);
      format(start, row);
      widths.pop();
      start = row;
    }
    writeLines(start, line1);
  };
  format(0, lines);
  return out + text.slice(pos);
}

/**
 * Where each complete line starts, its tab (-1 for none) and its newline, when no line has more
 * than one tab (most of what describe writes); undefined otherwise.
 */
function twoCellLines(text: string): number[] | undefined {
  const marks: number[] = [];
  let pos = 0;
  let tab = text.indexOf('\t');
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', pos)) {
    if (tab >= 0 && tab < pos) tab = text.indexOf('\t', pos);
    let own = -1;
    if (tab >= 0 && tab < nl) {
      own = tab;
      tab = text.indexOf('\t', own + 1);
      if (tab >= 0 && tab < nl) return undefined;
    }
    marks.push(pos, own, nl);
    pos = nl + 1;
  }
  return marks;
}

/**
 * The tabwriter's output when every line has one cell or two: consecutive two-cell lines form
 * one block, their first cells padded to the widest plus the padding.
 */
function alignPairs(text: string, marks: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < marks.length) {
    if ((marks[i + 1] ?? -1) < 0) {
      out.push(text.slice(marks[i], (marks[i + 2] ?? 0) + 1));
      i += 3;
      continue;
    }
    let end = i;
    let width = 0;
    for (; end < marks.length && (marks[end + 1] ?? -1) >= 0; end += 3)
      width = Math.max(width, runes(text.slice(marks[end], marks[end + 1])) + PADDING);
    for (; i < end; i += 3) {
      const start = marks[i] ?? 0;
      const tab = marks[i + 1] ?? 0;
      const first = text.slice(start, tab);
      out.push(first, spaces(width - runes(first)), text.slice(tab + 1, (marks[i + 2] ?? 0) + 1));
    }
  }
  out.push(text.slice((marks.at(-1) ?? -1) + 1));
  return out.join('');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The date part of the last day printed (describe prints a pod's few times again and again). */
let lastDay = { day: Number.NaN, text: '' };

/** Go's time.RFC1123Z in UTC, as the API's whole-second timestamps give it. */
export function rfc1123z(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== lastDay.day) {
    const d = new Date(day * DAY_MS);
    lastDay = {
      day,
      text: `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} `,
    };
  }
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  return `${lastDay.text}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)} +0000`;
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
  let lead = 'Annotations:\t';
  for (const key of Object.keys(annotations).sort()) {
    if (SKIP_ANNOTATIONS.has(key)) continue;
    const raw = annotations[key] ?? '';
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${lead}${key}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(0, `${lead}${key}: ${value}\n`);
    lead = '\t';
  }
  if (lead !== '\t') w.write(0, 'Annotations:\t<none>\n');
}

const shorten = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}...` : s);

/** DescribeEvents: `<none>` in the current block, or a freshly aligned table. */
export function writeEvents(w: DescribeWriter, events: readonly PodEvent[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const ages: string[] = [];
  const messages: string[] = [];
  // The widest cell of each of the first four columns plus the padding, headers included.
  let type = 8;
  let reason = 8;
  let age = 6;
  let from = 6;
  let plain = true;
  for (const e of events) {
    const seen =
      e.count > 1
        ? `${humanDuration(now - e.last)} (x${e.count} over ${humanDuration(now - e.first)})`
        : humanDuration(now - e.first);
    const message = e.message.trim();
    ages.push(seen);
    messages.push(message);
    if (plain && (breaks(e.type) || breaks(e.reason) || breaks(e.source) || breaks(message))) plain = false;
    type = Math.max(type, runes(e.type) + 2 + PADDING);
    reason = Math.max(reason, runes(e.reason) + PADDING);
    age = Math.max(age, runes(seen) + PADDING);
    from = Math.max(from, runes(e.source) + PADDING);
  }
  if (!plain) {
    w.flush();
    w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
    w.write(1, '----\t------\t----\t----\t-------\n');
    events.forEach((e, i) => {
      w.write(0, `  ${e.type}\t${e.reason}\t${ages[i]}\t${e.source}\t${messages[i]}\n`);
    });
    return;
  }
  // The tabwriter's table when no cell holds a tab or a newline: every line has the same five
  // cells, so each of the first four columns is one block, as wide as its widest cell plus the
  // padding. Written straight from the events, without a row of cells per event and a second
  // pass to measure them: the table is written on every describe, a revisit's too (a 6-event
  // table: 2.8 -> 2.6 µs in a loop).
  let out = `Events:\n  Type${spaces(type - 6)}Reason${spaces(reason - 6)}Age${spaces(age - 3)}From${spaces(from - 4)}Message\n  ----${spaces(type - 6)}------${spaces(reason - 6)}----${spaces(age - 4)}----${spaces(from - 4)}-------\n`;
  events.forEach((e, i) => {
    const seen = ages[i] ?? '';
    out += `  ${e.type}${spaces(type - 2 - runes(e.type))}${e.reason}${spaces(reason - runes(e.reason))}${seen}${spaces(age - runes(seen))}${e.source}${spaces(from - runes(e.source))}${messages[i]}\n`;
  });
  w.raw(out);
}

const breaks = (cell: string): boolean => cell.includes('\t') || cell.includes('\n');
