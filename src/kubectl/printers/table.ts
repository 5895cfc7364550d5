import { Buffer } from 'node:buffer';

/**
 * Go's tabwriter as kubectl configures it (minwidth 6, tabwidth 4, padding 3, space padding):
 * every column but the last is as wide as its widest cell plus three spaces, at least six.
 * The last cell of a row is printed as is, so lines carry no trailing padding unless a
 * trailing cell is empty (kubectl prints those spaces, and so do we).
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  return latin1Table(rows) ?? formatTableAfresh(rows);
}

/**
 * The table written byte by byte into one reused buffer, then read back as one string: for
 * tables whose every character is Latin-1 (one byte each, one column each: a width is a length),
 * which is every table of pods, nodes, namespaces, services and events Podium prints. Appending
 * cell by cell (`formatTableAfresh`) made a 100-pod `get po` leave about 47 KB of garbage
 * (two string pieces a cell, then the whole text copied again when first read), a third of the
 * young generation's intake in B1's mix; this leaves the 5 KB text. Null when a cell has any
 * other character (nothing is written then; the caller appends instead).
 */
function latin1Table(rows: readonly (readonly string[])[]): string | null {
  const steps: number[] = [];
  for (const row of rows)
    for (let i = 0; i < row.length - 1; i++) {
      const step = Math.max((row[i] ?? '').length + 3, 6);
      if (step > (steps[i] ?? 0)) steps[i] = step;
    }
  let total = rows.length > 0 ? rows.length - 1 : 0;
  for (const row of rows) {
    const last = row.length - 1;
    for (let i = 0; i < last; i++) total += steps[i] ?? 6;
    if (last >= 0) total += (row[last] ?? '').length;
  }
  const buffer = total <= SCRATCH_AT_MOST ? scratchOf(total) : Buffer.allocUnsafe(total);
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (r > 0) buffer[at++] = 0x0a;
    const last = row.length - 1;
    for (let i = 0; i <= last; i++) {
      const cell = row[i] ?? '';
      const start = at;
      for (let k = 0; k < cell.length; k++) {
        const unit = cell.charCodeAt(k);
        if (unit > 0xff) return null;
        buffer[at++] = unit;
      }
      // Padding in place: a few spaces, not worth a call into Buffer.fill.
      if (i < last) for (const end = start + (steps[i] ?? 6); at < end; ) buffer[at++] = 0x20;
    }
  }
  return buffer.toString('latin1', 0, at);
}

/** One buffer per thread for the tables, grown as needed up to SCRATCH_AT_MOST (larger ones get their own). */
let scratch: Buffer | undefined;
const SCRATCH_AT_MOST = 1024 * 1024;

function scratchOf(bytes: number): Buffer {
  if (scratch === undefined || scratch.length < bytes)
    scratch = Buffer.allocUnsafe(Math.min(SCRATCH_AT_MOST, Math.max(bytes, 2 * (scratch?.length ?? 8192))));
  return scratch;
}

/** The table appended cell by cell, for any characters (what `formatTable` must equal; tests). */
export function formatTableAfresh(rows: readonly (readonly string[])[]): string {
  // One pass for the widths (each cell measured once, kept), one to write: a row is appended
  // to one string.
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
