import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/cluster/model.ts';
import { withoutGonePods } from '../../src/cluster/terminating.ts';
import { at, boundPod } from './lifecycle-fixtures.ts';

/**
 * `withoutGonePods` keeps, per list of pods, when the first of them leaves. Over lists with pods
 * Terminating at random moments, read at many instants, it must drop exactly the pods a fresh
 * filter drops.
 */
describe('pods whose termination ended', () => {
  it('GIVEN 200 lists read at 20 instants each THEN the pods left equal a fresh filter', () => {
    let seed = 99;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    const base = boundPod([{}]);
    let differences = 0;
    for (let list = 0; list < 200; list++) {
      const pods: Pod[] = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => {
        const pod = { ...base, metadata: { ...base.metadata, name: `p${i}` } };
        if (next() < 0.5) return pod;
        const goneAt = at(Math.floor(next() * 60_000));
        return {
          ...pod,
          sim: { ...pod.sim, deletion: { requestedAt: goneAt - 30_000, gracePeriodSeconds: 30, goneAt } },
        };
      });
      for (let i = 0; i < 20; i++) {
        const now = at(Math.floor(next() * 70_000) - 5_000);
        const left = withoutGonePods({ pods, now }).pods.map((p) => p.metadata.name);
        const fresh = pods
          .filter((p) => p.sim.deletion === undefined || p.sim.deletion.goneAt > now)
          .map((p) => p.metadata.name);
        if (JSON.stringify(left) !== JSON.stringify(fresh)) differences++;
      }
    }
    expect(differences).toBe(0);
  });
});
