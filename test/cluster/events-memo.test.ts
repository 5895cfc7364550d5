import { describe, expect, it } from 'vitest';
import type { PodEvent } from '../../src/cluster/lifecycle/correlator.ts';
import {
  derivedKubeletEvents,
  kubeletEvents,
  replayedKubeletEvents,
} from '../../src/cluster/lifecycle/kubelet-events.ts';
import { podStatus } from '../../src/cluster/lifecycle.ts';
import { at, timelinePods, walkInstants } from './lifecycle-fixtures.ts';

/**
 * `kubeletEvents` keeps each pod's events until its containers next do something. Walked through
 * every timeline's pod at 800 instants (steps of milliseconds to hours, a few backwards), what
 * `describe` shows of the kept events must equal the events derived afresh.
 */

/** What describe lists: events updated in the last hour, by last and first seen (written order only breaks ties). */
const shown = (events: PodEvent[], now: number): string =>
  JSON.stringify(
    events.filter((e) => now - e.last < 3_600_000).sort((a, b) => a.last - b.last || a.first - b.first),
  );

describe('kept kubelet events', () => {
  it.each(timelinePods())(
    'GIVEN %s WHEN read at 800 instants THEN the kept events never differ',
    (_file, pod) => {
      let differences = 0;
      let kept = 0;
      for (const now of walkInstants(54321, 800)) {
        const status = podStatus(pod, now);
        if (status.startTime === undefined) continue;
        const before = kubeletEvents(pod, status.containers, status.startTime, now);
        const again = kubeletEvents(pod, status.containers, status.startTime, now);
        if (again === before) kept++;
        const fresh = derivedKubeletEvents(pod, status.containers, status.startTime, now).events;
        if (shown(before, now) !== shown(fresh, now)) differences++;
      }
      expect(differences).toBe(0);
      // The memo is used (a second read at the same instant is the kept answer).
      expect(kept).toBeGreaterThan(0);
    },
  );
});

/**
 * `kubeletEvents` carries its kept correlator on over what happened since it last answered. Read
 * every few seconds to a minute and a half for four hours (past the first half hour's replay and
 * into the closed-form fast-forward), each answer must show what the events derived afresh and
 * those replayed one by one from binding show.
 */
describe('kubelet events carried on', () => {
  it.each(timelinePods())(
    'GIVEN %s WHEN read every few seconds for four hours THEN each answer equals a fresh one',
    (_file, pod) => {
      let seed = 4242;
      const next = () => {
        seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
        return seed / 2 ** 32;
      };
      let t = 0;
      let differences = 0;
      let reads = 0;
      while (t < 4 * 3_600_000) {
        t += 1000 + Math.floor(next() * 89_000);
        const now = at(t);
        const status = podStatus(pod, now);
        if (status.startTime === undefined) continue;
        reads++;
        const carried = shown(kubeletEvents(pod, status.containers, status.startTime, now), now);
        const fresh = derivedKubeletEvents(pod, status.containers, status.startTime, now);
        if (fresh.exact && carried !== shown(fresh.events, now)) differences++;
        if (reads % 25 === 0 && carried !== shown(replayedKubeletEvents(pod, status.containers, now), now))
          differences++;
      }
      expect(reads).toBeGreaterThan(250);
      expect(differences).toBe(0);
    },
  );
});
