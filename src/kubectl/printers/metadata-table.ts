import type { Labels } from '../../cluster/model.ts';
import { type LabelColumns, labelCells, labelHeaders } from './labels.ts';
import { age } from './pods.ts';

/** What kubectl's own table reads of an object: its metadata. */
export interface Metadata {
  name: string;
  namespace?: string;
  creationTimestamp: string;
  labels?: Labels;
}

/**
 * `get --server-print=false`: the table kubectl prints itself when it asks for objects instead of
 * the server's Table (printers.HumanReadablePrinter's default columns): NAME and AGE, with
 * NAMESPACE first under `-A` and `-L` / `--show-labels` after; `-o wide` adds nothing. Checked with
 * kubectl 1.33 against Podium's API door.
 */
export function metadataTable(
  items: readonly Metadata[],
  now: number,
  opts: LabelColumns & { withNamespace: boolean },
): string[][] {
  return [
    [...(opts.withNamespace ? ['NAMESPACE'] : []), 'NAME', 'AGE', ...labelHeaders(opts)],
    ...items.map((m) => [
      ...(opts.withNamespace ? [m.namespace ?? ''] : []),
      m.name,
      age(m.creationTimestamp, now),
      ...labelCells(m.labels ?? {}, opts),
    ]),
  ];
}
