/** Percentiles and a table printer for the benchmark figures. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface Timings {
  count: number;
  totalMs: number;
  p50: number;
  p99: number;
  opsPerSec: number;
}

export function summarize(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  const totalMs = samples.reduce((a, b) => a + b, 0);
  return {
    count: samples.length,
    totalMs,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    opsPerSec: samples.length / (totalMs / 1000),
  };
}

export const fmt = (n: number, digits = 3) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

export function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
}
