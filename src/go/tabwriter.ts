/**
 * The tab writer kubectl's printers write through (cli-runtime printers.GetNewTabWriter: Go's
 * text/tabwriter as forked by liggitt/tabwriter, minwidth 6, padding 3, space padding, the
 * RememberWidths flag). Text is cut into cells, each ended by a tab (or `\v`); a newline (or
 * `\f`) ends a line. A tab-ended cell belongs to a column; the text after a line's last tab does
 * not. A column block is a run of consecutive lines that all have a cell in that column: each
 * cell of a block is padded to the block's widest cell plus 3, at least 6. With RememberWidths a
 * block is never narrower than the widest earlier block of its column, even across flushes,
 * which is how `kubectl events -w` keeps its rows under the header it printed first.
 *
 * Text is kept until a flush (`\f` flushes too). Go also flushes at a line with no tab; with
 * RememberWidths that changes nothing printed, so it is not done here. Widths count code points,
 * as Go counts runes. The Escape byte (0xff) cannot occur in a string that becomes UTF-8, so
 * escapes need no handling.
 */
export interface TabWriter {
  write(text: string): void;
  /** Formats and writes out what is buffered. */
  flush(): void;
  /** Everything written out so far. */
  readonly text: string;
}

const MIN_WIDTH = 6;
const PADDING = 3;

interface Cell {
  text: string;
  width: number;
  /** The width of the column block the cell is in (set when its block closes). */
  column: number;
}

export function kubectlTabWriter(): TabWriter {
  let out = '';
  let lines: Cell[][] = [[]];
  let cell = '';
  const remembered: number[] = [];

  const terminateCell = () => {
    lines[lines.length - 1]?.push({ text: cell, width: runeCount(cell), column: 0 });
    cell = '';
  };

  const flush = () => {
    if (cell !== '') terminateCell();
    out += format(lines, remembered);
    lines = [[]];
  };

  return {
    write(text) {
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
        cell += text.slice(start, i);
        start = i + 1;
        terminateCell();
        if (ch === '\n' || ch === '\f') lines.push([]);
        if (ch === '\f') flush();
      }
      cell += text.slice(start);
    },
    flush,
    get text() {
      return out;
    },
  };
}

/**
 * The buffered lines, padded. Blocks of one column close in line order, so the remembered
 * width of a column grows as Go's recursive `format` grows it; each cell is visited a fixed
 * number of times, whatever the number of columns.
 */
function format(lines: readonly Cell[][], remembered: number[]): string {
  const open: Cell[][] = [];
  const close = (column: number) => {
    const block = open[column] ?? [];
    let width = MIN_WIDTH;
    for (const c of block) width = Math.max(width, c.width + PADDING);
    width = Math.max(width, remembered[column] ?? 0);
    remembered[column] = width;
    for (const c of block) c.column = width;
  };
  for (const line of lines) {
    const columns = Math.max(line.length - 1, 0);
    for (let c = open.length - 1; c >= columns; c--) close(c);
    open.length = Math.min(open.length, columns);
    for (let c = 0; c < columns; c++) {
      const block = open[c];
      const cellAt = line[c] as Cell;
      if (block === undefined) open[c] = [cellAt];
      else block.push(cellAt);
    }
  }
  for (let c = open.length - 1; c >= 0; c--) close(c);
  let text = '';
  lines.forEach((line, i) => {
    line.forEach((c, j) => {
      text += c.text;
      if (j < line.length - 1) text += ' '.repeat(c.column - c.width);
    });
    if (i < lines.length - 1) text += '\n';
  });
  return text;
}

/** Go's utf8.RuneCountInString for a string that came from UTF-8: code points. */
function runeCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
