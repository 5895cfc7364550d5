/**
 * Go's tabwriter as kubectl configures it (minwidth 6, tabwidth 4, padding 3, space padding):
 * every column but the last is as wide as its widest cell plus three spaces, at least six.
 * The last cell of a row is printed as is, so lines carry no trailing padding unless a
 * trailing cell is empty (kubectl prints those spaces, and so do we).
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i === row.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          if (i === row.length - 1) return cell;
          const width = Math.max((widths[i] ?? 0) + 3, 6);
          return cell + ' '.repeat(width - displayWidth(cell));
        })
        .join(''),
    )
    .join('\n');
}

/** Width in terminal cells: tabwriter counts runes, so do we (code points, not UTF-16 units). */
function displayWidth(text: string): number {
  return [...text].length;
}
