import type { Labels } from '../../cluster/model.ts';

/** labels.FormatLabels: `k=v` sorted by key, joined by commas; `<none>` when empty. */
export function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels[k] ?? ''}`).join(',');
}

/** The `-L` column header: upper-cased, only the part after the last `/`. */
export function labelColumnHeader(key: string): string {
  return (key.split('/').pop() ?? key).toUpperCase();
}

/** Extra columns for `-L` (each value may itself be a comma list) and `--show-labels`. */
export interface LabelColumns {
  keys: string[];
  showLabels: boolean;
}

export function labelHeaders(opts: LabelColumns): string[] {
  return [...opts.keys.map(labelColumnHeader), ...(opts.showLabels ? ['LABELS'] : [])];
}

export function labelCells(labels: Labels, opts: LabelColumns): string[] {
  return [...opts.keys.map((k) => labels[k] ?? ''), ...(opts.showLabels ? [formatLabels(labels)] : [])];
}
