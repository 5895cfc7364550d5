/**
 * Go's tabwriter as kubectl configures it (minwidth 6, tabwidth 4, padding 3, space padding):
 * every column but the last is as wide as its widest cell plus three spaces, at least six.
 * The last cell of a row is printed as is, so lines carry no trailing padding unless a
 * trailing cell is empty (kubectl prints those spaces, and so do we).
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  // One pass for the widths (each cell measured once, kept), one to write: a row is appended
  // to one string (a table of 100 pods is read on every `get`).
  const widths: number[] = [];
  const measured: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) {
      const w = displayWidth(row[i] ?? '');
      measured.push(w);
      if (w > (widths[i] ?? 0)) widths[i] = w;
    }
  }
  let out = '';
  let m = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (r > 0) out += '\n';
    const last = row.length - 1;
    for (let i = 0; i < last; i++)
      out += (row[i] ?? '') + spaces(Math.max((widths[i] ?? 0) + 3, 6) - (measured[m++] ?? 0));
    if (last >= 0) out += row[last] ?? '';
  }
  return out;
}

/** Runs of spaces made once (every cell of every table is padded with one). */
const SPACES: string[] = [];
export function spaces(n: number): string {
  if (n > 256) return ' '.repeat(n);
  let run = SPACES[n];
  if (run === undefined) {
    run = ' '.repeat(n);
    SPACES[n] = run;
  }
  return run;
}

/** Width in terminal cells: tabwriter counts runes, so do we (code points, not UTF-16 units). */
export function displayWidth(text: string): number {
  let width = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        width--;
        i++;
      }
    }
  }
  return width;
}
