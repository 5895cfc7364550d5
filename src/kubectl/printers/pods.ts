import { type PodStatus, podStatus, statusColumn } from '../../cluster/lifecycle.ts';
import type { Pod } from '../../cluster/model.ts';
import { humanDuration } from './duration.ts';
import { type LabelColumns, labelCells, labelHeaders } from './labels.ts';

/** The pod table as the API server renders it (printers.go podColumnDefinitions + printPod). */
export interface TableOptions extends LabelColumns {
  wide: boolean;
  withNamespace: boolean;
}

export function podTable(pods: readonly Pod[], now: number, opts: TableOptions): string[][] {
  const header = [
    ...(opts.withNamespace ? ['NAMESPACE'] : []),
    'NAME',
    'READY',
    'STATUS',
    'RESTARTS',
    'AGE',
    ...(opts.wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : []),
    ...labelHeaders(opts),
  ];
  const rows = [header];
  // Most pods of a sandbox were made in the same second: AGE is worked out once for each.
  const ages: Ages = { of: undefined, text: '' };
  for (const pod of pods) rows.push(podRow(pod, now, opts, ages));
  return rows;
}

/** The last creation time a table's AGE was worked out for, and that AGE. */
interface Ages {
  of: string | undefined;
  text: string;
}

function podRow(pod: Pod, now: number, opts: TableOptions, ages: Ages): string[] {
  const created = pod.metadata.creationTimestamp;
  if (created !== ages.of) {
    ages.of = created;
    ages.text = age(created, now);
  }
  const status = podStatus(pod, now);
  const cells = cellsOf(pod, status);
  const name = pod.metadata.name;
  // printers.go printPod: a pod being deleted reads Terminating until it is gone.
  const state =
    pod.sim.deletion !== undefined && status.phase !== 'Failed' && status.phase !== 'Succeeded'
      ? 'Terminating'
      : cells.status;
  const restarts =
    cells.lastExit === 0 ? cells.restarts : `${cells.restarts} (${humanDuration(now - cells.lastExit)} ago)`;
  // Each usual row is one literal of its final length: a row of every pod of every `get`, and an
  // array grown by push past its literal's length, or copied by a spread, left a new backing
  // store behind each time (a 100-pod `get po -o wide` made 20 KB of them).
  let row: string[];
  if (opts.wide) {
    const ip = status.scheduled ? (pod.sim.podIP ?? '<none>') : '<none>';
    const node = pod.spec.nodeName ?? '<none>';
    row = opts.withNamespace
      ? [pod.metadata.namespace, name, cells.ready, state, restarts, ages.text, ip, node, '<none>', '<none>']
      : [name, cells.ready, state, restarts, ages.text, ip, node, '<none>', '<none>'];
  } else
    row = opts.withNamespace
      ? [pod.metadata.namespace, name, cells.ready, state, restarts, ages.text]
      : [name, cells.ready, state, restarts, ages.text];
  if (opts.keys.length > 0 || opts.showLabels) row.push(...labelCells(pod.metadata.labels, opts));
  return row;
}

/** What a pod's row reads from its status; `lastExit` 0 when RESTARTS carries no "ago". */
export interface StatusCells {
  ready: string;
  status: string;
  restarts: string;
  lastExit: number;
}

/**
 * Kept per status: a pod's status is one object until its next possible change (`podStatus`), so
 * its cells are worked out once for every `get` until then.
 */
const kept = new WeakMap<PodStatus, StatusCells>();

export function cellsOf(pod: Pod, status: PodStatus): StatusCells {
  let cells = kept.get(status);
  if (cells === undefined) {
    cells = cellsAfresh(pod, status);
    kept.set(status, cells);
  }
  return cells;
}

/** The cells worked out afresh (what the kept ones must equal; for tests). */
export function cellsAfresh(pod: Pod, status: PodStatus): StatusCells {
  let ready = 0;
  let restarts = 0;
  let lastExit = 0;
  for (const c of status.containers) {
    if (c.ready) ready++;
    restarts += c.restartCount;
    // The API carries finishedAt in whole seconds, and kubectl measures from that.
    lastExit = Math.max(lastExit, Math.floor((c.lastState?.finishedAt ?? 0) / 1000) * 1000);
  }
  return {
    ready: `${ready}/${pod.spec.containers.length}`,
    status: statusColumn(status),
    restarts: String(restarts),
    lastExit: restarts === 0 ? 0 : lastExit,
  };
}

export const age = (timestamp: string, now: number): string => humanDuration(now - parsedTime(timestamp));

/** RFC 3339 timestamps parsed once: every pod row reads its creationTimestamp. */
const parsed = new Map<string, number>();
function parsedTime(timestamp: string): number {
  let ms = parsed.get(timestamp);
  if (ms === undefined) {
    if (parsed.size >= 4096) parsed.clear();
    ms = Date.parse(timestamp);
    parsed.set(timestamp, ms);
  }
  return ms;
}
