import type { ContainerStatus } from './container-status.ts';
import {
  attemptAt,
  beginOf,
  exitOf,
  failedPullAttemptAt,
  failedPullBegin,
  readyOf,
  startOf,
} from './schedule.ts';
import { TIMING } from './stages.ts';

/**
 * The first moment after `now` at which this container's status can read differently: its image
 * pulled, its process started or exited, the sync after an exit, the next attempt, a pull failing.
 * A pod's status is the same object until the earliest of its containers' (`podStatus` keeps it).
 */
export function nextChange(c: ContainerStatus, now: number): number {
  const timeline = c.timeline;
  if (timeline.kind === 'neverPull') return Number.POSITIVE_INFINITY;
  if (timeline.kind === 'pullFails') {
    const a = Math.max(0, failedPullAttemptAt(timeline.from, now));
    const begin = failedPullBegin(timeline.from, a);
    return after(now, [
      begin + TIMING.pullFailMs,
      begin + TIMING.pullFailMs + TIMING.syncMs,
      failedPullBegin(timeline.from, a + 1),
      failedPullBegin(timeline.from, a + 1) + TIMING.pullFailMs,
    ]);
  }
  const s = timeline.schedule;
  const k = Math.max(0, attemptAt(s, now));
  const exit = exitOf(s, k);
  return after(now, [
    beginOf(s, k),
    readyOf(s, k),
    startOf(s, k),
    exit,
    exit + TIMING.syncMs,
    s.restarts ? beginOf(s, k + 1) : Number.POSITIVE_INFINITY,
  ]);
}

/** The earliest of `moments` later than `now`. */
export function after(now: number, moments: readonly number[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const m of moments) if (m > now && m < first) first = m;
  return first;
}
