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
  /** The same as `write(level, `${key}\t${value}\n`)`, without building and parsing the line. */
  pair(level: number, key: string, value: string): void;
  flush(): void;
  /** Flushes, then appends text already aligned as a region of its own. */
  raw(text: string): void;
  text(): string;
}

const INDENTS = ['', '  ', '    ', '      '];
const indent = (level: number): string => INDENTS[level] ?? '  '.repeat(level);

/**
 * Lines are split into their cells as they are written (`pair` hands them over split), not
 * joined into one text and parsed again when the region ends: in the B1 mix a running pod's
 * `describe` went from 29.3 to 28.4 µs (p50 of five runs each). Nearly every line is one cell or
 * two; the first line that is not (or an unfinished one) sends the rest of the region to
 * `tabwrite` as text, with the lines before it.
 */
export function describeWriter(): DescribeWriter {
  const flushed: string[] = [];
  const region: Region = { heads: [], tails: [], rest: '' };
  const take = (): string => {
    if (region.heads.length === 0) {
      const { rest } = region;
      region.rest = '';
      return rest === '' ? '' : tabwrite(rest);
    }
    const text = regionText(region);
    region.heads.length = 0;
    region.tails.length = 0;
    region.rest = '';
    return text;
  };
  return {
    write(level, text) {
      writeLines(region, indent(level), text);
    },
    pair(level, key, value) {
      if (region.rest !== '' || hasBreak(key) || hasBreak(value)) {
        writeLines(region, indent(level), `${key}\t${value}\n`);
        return;
      }
      region.heads.push(level === 0 ? key : indent(level) + key);
      region.tails.push(value);
    },
    flush() {
      flushed.push(take());
    },
    raw(text) {
      flushed.push(take(), text);
    },
    text() {
      flushed.push(take());
      return flushed.join('');
    },
  };
}

const hasBreak = (text: string): boolean => text.includes('\t') || text.includes('\n');

/**
 * One region's complete lines: `heads[i]` is line i up to its tab (its indent included) or the
 * whole line when it has none (then `tails[i]` is undefined), `tails[i]` what follows the tab,
 * neither with the newline. `rest` is the text from the first line with more than one tab, or
 * unfinished, on: once it is not empty every write goes to it.
 */
interface Region {
  heads: string[];
  tails: (string | undefined)[];
  rest: string;
}

/** Splits `text` into the region's lines; linear (each tab and newline is searched for once). */
function writeLines(region: Region, lead: string, text: string): void {
  if (region.rest !== '') {
    region.rest += lead + text;
    return;
  }
  let pos = 0;
  let tab = text.indexOf('\t');
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', pos)) {
    const first = pos === 0 ? lead : '';
    if (tab >= 0 && tab < pos) tab = text.indexOf('\t', pos);
    if (tab >= 0 && tab < nl) {
      const next = text.indexOf('\t', tab + 1);
      if (next >= 0 && next < nl) {
        region.rest = first + text.slice(pos);
        return;
      }
      region.heads.push(first + text.slice(pos, tab));
      region.tails.push(text.slice(tab + 1, nl));
      tab = next;
    } else {
      region.heads.push(first + text.slice(pos, nl));
      region.tails.push(undefined);
    }
    pos = nl + 1;
  }
  // An unfinished line (or an indent written alone) goes on at the next write.
  const unfinished = (pos === 0 ? lead : '') + text.slice(pos);
  if (unfinished !== '') region.rest = unfinished;
}

/** The region aligned: by blocks of two-cell lines, or by `tabwrite` when it has a `rest`. */
function regionText({ heads, tails, rest }: Region): string {
  const out: string[] = [];
  if (rest !== '') {
    for (let i = 0; i < heads.length; i++) {
      const tail = tails[i];
      out.push(heads[i] ?? '', tail === undefined ? '\n' : `\t${tail}\n`);
    }
    out.push(rest);
    return tabwrite(out.join(''));
  }
  let i = 0;
  while (i < heads.length) {
    if (tails[i] === undefined) {
      out.push(heads[i] ?? '', '\n');
      i++;
      continue;
    }
    let end = i;
    let width = 0;
    for (; end < heads.length && tails[end] !== undefined; end++)
      width = Math.max(width, runes(heads[end] ?? '') + PADDING);
    for (; i < end; i++) {
      const head = heads[i] ?? '';
      out.push(head, spaces(width - runes(head)), tails[i] ?? '', '\n');
    }
  }
  return out.join('');
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

/** A line of two cells: the first (a title or nothing) and the rest. */
type Cells = (first: string, second: string) => void;

/** printLabelsMultiline: `key=value`, sorted, continuation lines start with a tab. */
export function writeLabels(w: DescribeWriter, title: string, labels: Labels): void {
  labelCells(title, labels, (first, second) => w.pair(0, first, second));
}

function labelCells(title: string, labels: Labels, cells: Cells): void {
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    cells(`${title}:`, '<none>');
    return;
  }
  keys.forEach((key, i) => {
    cells(i === 0 ? `${title}:` : '', `${key}=${labels[key] ?? ''}`);
  });
}

/**
 * The keys in the default sort's order (UTF-16 code units, as `<` compares strings). Labels and
 * annotations are mostly added in that order already, and sorting even three keys was ~5% of a
 * running pod's `describe` in the B1 mix: they are sorted only when they are not.
 */
function sortedKeys(map: Labels): string[] {
  const keys = Object.keys(map);
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] ?? '') > (keys[i] ?? '')) return keys.sort();
  return keys;
}

const MAX_ANNOTATION_LEN = 140;
/** describe hides the (long) last-applied-configuration annotation. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: `key: value`; long or multi-line values go below their key. */
export function writeAnnotations(w: DescribeWriter, annotations: Labels): void {
  annotationCells(annotations, (first, second) => w.pair(0, first, second));
}

function annotationCells(annotations: Labels, cells: Cells): void {
  let lead = 'Annotations:';
  for (const key of sortedKeys(annotations)) {
    if (SKIP_ANNOTATIONS.has(key)) continue;
    const raw = annotations[key] ?? '';
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      cells(lead, `${key}:`);
      for (const line of value.split('\n')) cells('', `  ${shorten(line, MAX_ANNOTATION_LEN - 2)}`);
    } else cells(lead, `${key}: ${value}`);
    lead = '';
  }
  if (lead !== '') cells('Annotations:', '<none>');
}

/**
 * The labels' and annotations' lines padded as part of a column block `width` wide (wider than
 * "Annotations:" and the padding), or undefined when a cell holds a tab or a newline (the
 * tabwriter would split it further).
 */
export function paddedLabelsAndAnnotations(
  labels: Labels,
  annotations: Labels,
  width: number,
): string | undefined {
  let text = '';
  let plain = true;
  const cells: Cells = (first, second) => {
    if (breaks(first) || breaks(second)) plain = false;
    text += `${first}${spaces(width - runes(first))}${second}\n`;
  };
  labelCells('Labels', labels, cells);
  annotationCells(annotations, cells);
  return plain ? text : undefined;
}

const shorten = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}...` : s);

/** DescribeEvents: `<none>` in the current block, or a freshly aligned table. */
export function writeEvents(w: DescribeWriter, events: readonly PodEvent[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const ages = events.map((e) =>
    e.count > 1
      ? `${humanDuration(now - e.last)} (x${e.count} over ${humanDuration(now - e.first)})`
      : humanDuration(now - e.first),
  );
  const rows = eventRows(events);
  if (rows === undefined) {
    w.flush();
    w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
    w.write(1, '----\t------\t----\t----\t-------\n');
    events.forEach((e, i) => {
      w.write(0, `  ${e.type}\t${e.reason}\t${ages[i]}\t${e.source}\t${e.message.trim()}\n`);
    });
    return;
  }
  // The tabwriter's table when no cell holds a tab or a newline: every line has the same five
  // cells, so each of the first four columns is one block, as wide as its widest cell plus the
  // padding. Only the Age column moves with the clock: the rest of each row is kept per list.
  let age = 6;
  for (const seen of ages) age = Math.max(age, runes(seen) + PADDING);
  const { type, reason, from, heads, tails } = rows;
  let out = `Events:\n  Type${spaces(type - 6)}Reason${spaces(reason - 6)}Age${spaces(age - 3)}From${spaces(from - 4)}Message\n  ----${spaces(type - 6)}------${spaces(reason - 6)}----${spaces(age - 4)}----${spaces(from - 4)}-------\n`;
  ages.forEach((seen, i) => {
    out += `${heads[i]}${seen}${spaces(age - runes(seen))}${tails[i]}`;
  });
  w.raw(out);
}

/**
 * An events table without its Age column: the Type, Reason and From columns' widths (the padding
 * included) and each row's text before its age (Type and Reason) and after it (From, Message and
 * the newline).
 */
interface EventRows {
  type: number;
  reason: number;
  from: number;
  heads: string[];
  tails: string[];
}

/**
 * The table's rows without their ages, or undefined when a cell holds a tab or a newline (then
 * the tabwriter aligns it). Kept per list: a pod's list is the same array until its events change
 * (`podEvents`), and `describe` of a pod writes its table on every visit, with new ages.
 */
function eventRows(events: readonly PodEvent[]): EventRows | undefined {
  const known = keptRows.get(events);
  if (known !== undefined) return known === null ? undefined : known;
  const messages: string[] = [];
  let type = 8;
  let reason = 8;
  let from = 6;
  let plain = true;
  for (const e of events) {
    const message = e.message.trim();
    messages.push(message);
    if (breaks(e.type) || breaks(e.reason) || breaks(e.source) || breaks(message)) plain = false;
    type = Math.max(type, runes(e.type) + 2 + PADDING);
    reason = Math.max(reason, runes(e.reason) + PADDING);
    from = Math.max(from, runes(e.source) + PADDING);
  }
  if (!plain) {
    keptRows.set(events, null);
    return undefined;
  }
  const rows: EventRows = { type, reason, from, heads: [], tails: [] };
  events.forEach((e, i) => {
    rows.heads.push(
      `  ${e.type}${spaces(type - 2 - runes(e.type))}${e.reason}${spaces(reason - runes(e.reason))}`,
    );
    rows.tails.push(`${e.source}${spaces(from - runes(e.source))}${messages[i]}\n`);
  });
  keptRows.set(events, rows);
  return rows;
}

/** Lists are values (the same list, the same events); one that is dropped frees its entry. */
const keptRows = new WeakMap<readonly PodEvent[], EventRows | null>();

const breaks = (cell: string): boolean => cell.includes('\t') || cell.includes('\n');
