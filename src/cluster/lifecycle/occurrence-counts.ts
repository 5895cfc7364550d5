import type { Timeline } from './container-status.ts';
import { type Occurrence, occurrences } from './occurrences.ts';
import {
  attemptAt,
  beginOf,
  failedPullAttemptAt,
  failedPullBegin,
  type RunSchedule,
  startOf,
} from './schedule.ts';
import { backoffMs, TIMING } from './stages.ts';

/** How many occurrences of one kind (a pull of one duration counts apart) and the first of them. */
export interface Tally {
  sample: Occurrence;
  count: number;
  first: number;
}

export const tallyKey = (o: Occurrence): string => (o.kind === 'pulled' ? `pulled:${o.ms}` : o.kind);

/**
 * The container's occurrences in [from, until), counted per kind without listing them: the
 * attempts wholly inside are summed per row of the schedule's table (whole periods times their
 * count), only the two attempts at the edges are listed. Constant time at any age.
 */
export function countOccurrences(timeline: Timeline, from: number, until: number): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const add = (o: Occurrence, count: number, first: number) => {
    if (count <= 0) return;
    const key = tallyKey(o);
    const known = tallies.get(key);
    if (known === undefined) tallies.set(key, { sample: o, count, first });
    else {
      known.count += count;
      known.first = Math.min(known.first, first);
    }
  };
  const list = (lo: number, hi: number) => {
    for (const o of occurrences(timeline, lo, hi - 1)) add(o, 1, o.at);
  };
  if (until <= from) return tallies;
  if (timeline.kind === 'neverPull') {
    const firstN = Math.max(0, Math.ceil((from - timeline.from) / TIMING.resyncMs));
    const lastN = Math.floor((until - 1 - timeline.from) / TIMING.resyncMs);
    const at = timeline.from + firstN * TIMING.resyncMs;
    add({ at, kind: 'neverPull' }, lastN - firstN + 1, at);
    return tallies;
  }
  if (timeline.kind === 'pullFails') {
    const a = failedPullAttemptAt(timeline.from, from);
    const b = failedPullAttemptAt(timeline.from, until - 1);
    if (b <= a + 1) {
      list(from, until);
      return tallies;
    }
    list(from, failedPullBegin(timeline.from, a + 1));
    list(failedPullBegin(timeline.from, b), until);
    const first = failedPullBegin(timeline.from, a + 1);
    const whole = b - a - 1;
    add({ at: first, kind: 'pulling' }, whole, first);
    add(
      { at: first + TIMING.pullFailMs, kind: 'pullFailed', message: timeline.message },
      whole,
      first + TIMING.pullFailMs,
    );
    let backOffs = 0;
    for (let i = a + 1; i < b && i < 6; i++) backOffs += Math.ceil(backoffMs(i + 1) / TIMING.resyncMs);
    backOffs += Math.max(0, b - Math.max(a + 1, 6)) * Math.ceil(TIMING.backoffCapMs / TIMING.resyncMs);
    const sync = first + TIMING.pullFailMs + TIMING.syncMs;
    add({ at: sync, kind: 'pullBackOff' }, backOffs, sync);
    return tallies;
  }
  const s = timeline.schedule;
  const a = attemptAt(s, from);
  const b = attemptAt(s, until - 1);
  if (b <= a + 1) {
    list(from, until);
    return tallies;
  }
  list(from, beginOf(s, a + 1));
  list(beginOf(s, b), until);
  wholeAttempts(s, a + 1, b, add);
  return tallies;
}

/** Attempts k1 <= k < k2, each wholly inside the range: summed per table row. */
function wholeAttempts(
  s: RunSchedule,
  k1: number,
  k2: number,
  add: (o: Occurrence, count: number, first: number) => void,
): void {
  const rows = s.steady + s.period;
  for (let i = 0; i < rows; i++) {
    let count: number;
    let k: number;
    if (i < s.steady) {
      count = i >= k1 && i < k2 ? 1 : 0;
      k = i;
    } else {
      // k = i + m * period for m >= 0, with k1 <= k < k2.
      const m1 = Math.max(0, Math.ceil((k1 - i) / s.period));
      const m2 = Math.ceil((k2 - i) / s.period);
      count = Math.max(0, m2 - m1);
      k = i + m1 * s.period;
    }
    if (count === 0) continue;
    const begin = beginOf(s, k);
    const pull = s.pulls[i] ?? 0;
    if (k === 0 ? s.firstPresent : !s.pullEach) add({ at: begin, kind: 'present' }, count, begin);
    else {
      add({ at: begin, kind: 'pulling' }, count, begin);
      add({ at: begin + pull, kind: 'pulled', ms: pull }, count, begin + pull);
    }
    add({ at: begin + pull + TIMING.createMs, kind: 'created' }, count, begin + pull + TIMING.createMs);
    const start = startOf(s, k);
    add({ at: start, kind: 'started' }, count, start);
    const wait = s.waits[i] ?? 0;
    if (s.restarts && wait > 0 && s.runsForMs !== null) {
      const sync = start + s.runsForMs + TIMING.syncMs;
      add({ at: sync, kind: 'backOff' }, count * Math.ceil(wait / TIMING.resyncMs), sync);
    }
  }
}
