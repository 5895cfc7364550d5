import type { ContainerStatus } from './container-status.ts';
import { exitOf, lastStartAt, startOf } from './schedule.ts';

/** When every container is ready now: the moment the last of them started (the Ready condition turned True). */
export function readiness(containers: readonly ContainerStatus[]): { readyAt?: number } {
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of containers) {
    if (c.state.kind !== 'running') return {};
    latest = Math.max(latest, c.state.startedAt);
  }
  return containers.length === 0 ? {} : { readyAt: latest };
}

/** How far back `readyChangedAt` looks for the last moment every container was running. */
const MAX_EXITS_CHECKED = 1024;

/**
 * When the pod's readiness (every container running) last flipped: its `readyAt` if ready now,
 * else the latest exit just before which every container was running, else `since` (never
 * ready). Walks exits newest first, at most MAX_EXITS_CHECKED of them, so its cost does not grow
 * with the pod's age; a pod whose containers were last all up further back than that (several
 * crash loops that rarely overlap) reports `since`.
 */
export function readyChangedAt(containers: readonly ContainerStatus[], since: number): number {
  const ready = readiness(containers).readyAt;
  if (ready !== undefined) return ready;
  const next = containers.map((c) => c.exited - 1);
  for (let checked = 0; checked < MAX_EXITS_CHECKED; checked++) {
    let pick = -1;
    let at = Number.NEGATIVE_INFINITY;
    next.forEach((k, i) => {
      const c = containers[i];
      if (k < 0 || c === undefined || c.timeline.kind !== 'runs') return;
      const exit = exitOf(c.timeline.schedule, k);
      if (exit > at) {
        at = exit;
        pick = i;
      }
    });
    if (pick < 0) return since;
    if (containers.every((c) => runningJustBefore(c, at))) return at;
    next[pick] = (next[pick] ?? 0) - 1;
  }
  return since;
}

function runningJustBefore(c: ContainerStatus, t: number): boolean {
  if (c.timeline.kind !== 'runs') return false;
  const k = lastStartAt(c.timeline.schedule, t - 1);
  return k >= 0 && k < c.runs && startOf(c.timeline.schedule, k) < t && exitOf(c.timeline.schedule, k) >= t;
}
