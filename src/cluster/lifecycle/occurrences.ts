import type { Timeline } from './container-status.ts';
import {
  attemptAt,
  beginOf,
  exitOf,
  failedPullAttemptAt,
  failedPullBegin,
  pullOf,
  type RunSchedule,
  readyOf,
  startOf,
  waitOf,
} from './schedule.ts';
import { TIMING } from './stages.ts';

/** What the kubelet did for one container, for events (`events.ts`). */
export type Occurrence =
  | { at: number; kind: 'pulling' }
  | { at: number; kind: 'pulled'; ms: number }
  | { at: number; kind: 'present' }
  | { at: number; kind: 'pullFailed'; message: string }
  | { at: number; kind: 'pullBackOff' }
  | { at: number; kind: 'neverPull' }
  | { at: number; kind: 'created' }
  | { at: number; kind: 'started' }
  | { at: number; kind: 'backOff' };

/**
 * The kubelet's actions for one container with `lo <= at <= hi`, oldest first: produced from the
 * closed-form timeline for that window only, so their cost is the window's, not the pod's age.
 */
export function occurrences(timeline: Timeline, lo: number, hi: number): Occurrence[] {
  const out: Occurrence[] = [];
  const push = (o: Occurrence) => {
    if (o.at >= lo && o.at <= hi) out.push(o);
  };
  if (timeline.kind === 'neverPull') {
    const first = Math.max(0, Math.ceil((lo - timeline.from) / TIMING.resyncMs));
    for (let at = timeline.from + first * TIMING.resyncMs; at <= hi; at += TIMING.resyncMs)
      push({ at, kind: 'neverPull' });
    return out;
  }
  if (timeline.kind === 'pullFails') {
    const last = failedPullAttemptAt(timeline.from, hi);
    for (let a = Math.max(0, failedPullAttemptAt(timeline.from, lo) - 1); a <= last; a++) {
      const begin = failedPullBegin(timeline.from, a);
      const failed = begin + TIMING.pullFailMs;
      push({ at: begin, kind: 'pulling' });
      push({ at: failed, kind: 'pullFailed', message: timeline.message });
      resyncs(failed + TIMING.syncMs, failedPullBegin(timeline.from, a + 1), lo, hi, 'pullBackOff', out);
    }
    return out;
  }
  const s = timeline.schedule;
  const last = attemptAt(s, hi);
  for (let k = Math.max(0, attemptAt(s, lo) - 1); k <= last; k++) attempt(s, k, lo, hi, push, out);
  return out;
}

function attempt(
  s: RunSchedule,
  k: number,
  lo: number,
  hi: number,
  push: (o: Occurrence) => void,
  out: Occurrence[],
): void {
  const begin = beginOf(s, k);
  if (k === 0 ? s.firstPresent : !s.pullEach) push({ at: begin, kind: 'present' });
  else {
    push({ at: begin, kind: 'pulling' });
    push({ at: readyOf(s, k), kind: 'pulled', ms: pullOf(s, k) });
  }
  push({ at: readyOf(s, k) + TIMING.createMs, kind: 'created' });
  push({ at: startOf(s, k), kind: 'started' });
  if (!s.restarts || waitOf(s, k) === 0) return;
  const sync = exitOf(s, k) + TIMING.syncMs;
  resyncs(sync, sync + waitOf(s, k), lo, hi, 'backOff', out);
}

/** The pod worker's re-syncs every 10 s in [from, until) that fall in the window. */
function resyncs(
  from: number,
  until: number,
  lo: number,
  hi: number,
  kind: 'backOff' | 'pullBackOff',
  out: Occurrence[],
): void {
  const skip = Math.max(0, Math.ceil((lo - from) / TIMING.resyncMs));
  for (let at = from + skip * TIMING.resyncMs; at < until && at <= hi; at += TIMING.resyncMs)
    out.push({ at, kind });
}
