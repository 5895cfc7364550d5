import { exitOfRun, podStatus, startOfRun, TIMING } from './lifecycle.ts';
import type { Pod } from './model.ts';

/**
 * What `kubectl wait --for=...` waits for on a pod, and when it first holds. Status is derived
 * from time, so waiting is a search forward in time: the moments where anything can change
 * (container starts and exits) plus a fine sweep of the first minutes, in order.
 */
export type WaitFor =
  | { kind: 'condition'; type: string; status: boolean }
  | { kind: 'jsonpath'; path: string; value: string }
  | { kind: 'delete' }
  | { kind: 'create' };

/** `condition=Ready`, `condition=Ready=false`, `delete`, `create`, `jsonpath={.status.phase}=Running`. */
export function parseWaitFor(text: string): WaitFor | null {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const [type = '', value = 'true'] = text.slice('condition='.length).split('=');
    if (type === '') return null;
    return { kind: 'condition', type, status: value.toLowerCase() !== 'false' };
  }
  const path = /^jsonpath=(\{[^}]*\}|'\{[^}]*\}')=(.*)$/.exec(text);
  if (path !== null)
    return { kind: 'jsonpath', path: (path[1] ?? '').replaceAll("'", ''), value: path[2] ?? '' };
  return null;
}

/** The pod's condition of that type at `t` (type compared case-insensitively, as kubectl does). */
export function conditionAt(pod: Pod, t: number, type: string): boolean | undefined {
  // Refused by its kubelet, or bound to a node that does not exist: no one wrote a condition, and
  // kubectl waits on for one that is not there.
  if (pod.sim.rejected !== undefined || pod.sim.collectedAt !== undefined) return undefined;
  const status = podStatus(pod, t);
  switch (type.toLowerCase()) {
    case 'podscheduled':
      return status.scheduled;
    case 'podreadytostartcontainers':
    case 'initialized':
      return status.scheduled && (pod.sim.scheduledAt ?? t) + TIMING.sandboxMs <= t;
    case 'ready':
    case 'containersready':
      return status.scheduled ? status.readyAt !== undefined : undefined;
    default:
      return undefined;
  }
}

export function holdsAt(pod: Pod, t: number, wait: WaitFor): boolean {
  switch (wait.kind) {
    case 'condition':
      return conditionAt(pod, t, wait.type) === wait.status;
    case 'jsonpath':
      return wait.path === '{.status.phase}' && podStatus(pod, t).phase === wait.value;
    case 'create':
      return true;
    case 'delete':
      // Nothing deletes a pod by itself in this sandbox: a pod that exists stays.
      return false;
  }
}

const SWEEP_MS = 250;
const SWEEP_SPAN_MS = 5 * 60_000;
/** Starts and exits looked at per container: a wait's cost does not grow with its timeout. */
const MAX_RUNS_LOOKED_AT = 2000;

/** The first moment in [from, until] at which `wait` holds for the pod, or null. */
export function firstHolding(pod: Pod, from: number, until: number, wait: WaitFor): number | null {
  if (wait.kind === 'delete') {
    // A Terminating pod is gone once its containers have stopped.
    const gone = pod.sim.deletion?.goneAt;
    return gone !== undefined && gone <= until ? Math.max(from, gone) : null;
  }
  const moments = new Set<number>([from]);
  const start = podStatus(pod, from);
  const end = podStatus(pod, until);
  end.containers.forEach((c, i) => {
    const first = Math.max(0, (start.containers[i]?.runs ?? 0) - 1);
    const last = Math.min(c.runs, first + MAX_RUNS_LOOKED_AT);
    for (let k = first; k < last; k++) {
      moments.add(startOfRun(c, k));
      if (k < c.exited) moments.add(exitOfRun(c, k));
    }
  });
  const sweepEnd = Math.min(until, from + SWEEP_SPAN_MS);
  for (let t = from + SWEEP_MS; t <= sweepEnd; t += SWEEP_MS) moments.add(t);
  moments.add(until);
  const ordered = [...moments].filter((t) => t >= from && t <= until).sort((a, b) => a - b);
  return ordered.find((t) => holdsAt(pod, t, wait)) ?? null;
}
