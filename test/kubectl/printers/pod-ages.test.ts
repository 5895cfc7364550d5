import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/cluster/model.ts';
import { age, podTable } from '../../../src/kubectl/printers/pods.ts';
import { boundPod, T0 } from '../../cluster/lifecycle-fixtures.ts';

const madeAt = (pod: Pod, ms: number): Pod =>
  Object.assign({}, pod, {
    metadata: Object.assign({}, pod.metadata, {
      creationTimestamp: new Date(ms).toISOString().replace('.000', ''),
    }),
  });

/**
 * A table works AGE out once for pods made in the same second as the pod before them. Pods made
 * at the same and at different times, in runs and interleaved, must each read their own AGE.
 */
describe('AGE in a pod table', () => {
  it('GIVEN pods made at times in runs and interleaved WHEN listed at several instants THEN each row reads its own AGE', () => {
    const base = boundPod([{ image: 'luksa/kubia' }]);
    const offsets = [0, 0, 0, 5_000, 5_000, 0, 90_000, 0, 3_600_000, 3_600_000, 0, 86_400_000];
    const pods = offsets.map((ms) => madeAt(base, T0 - ms));
    let differences = 0;
    for (const now of [T0, T0 + 999, T0 + 61_000, T0 + 7 * 86_400_000]) {
      for (const wide of [false, true]) {
        const rows = podTable(pods, now, { wide, withNamespace: false, keys: [], showLabels: false }).slice(
          1,
        );
        rows.forEach((row, i) => {
          if (row[4] !== age(pods[i]?.metadata.creationTimestamp ?? '', now)) differences++;
        });
      }
    }
    expect(differences).toBe(0);
  });
});
