import { describe, expect, it } from 'vitest';
import type { PodEvent } from '../../src/cluster/lifecycle/correlator.ts';
import { derivedKubeletEvents, kubeletEvents } from '../../src/cluster/lifecycle/kubelet-events.ts';
import { podStatus } from '../../src/cluster/lifecycle.ts';
import { timelinePods, walkInstants } from './lifecycle-fixtures.ts';

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
