import { describe, expect, it } from 'vitest';
import { derivedStatus, podStatus } from '../../../src/cluster/lifecycle.ts';
import { cellsAfresh, cellsOf } from '../../../src/kubectl/printers/pods.ts';
import { timelinePods, walkInstants } from '../../cluster/lifecycle-fixtures.ts';

/**
 * A `get po` row's READY, STATUS and RESTARTS cells are kept with the pod's status object. Walked
 * through every timeline's pod at a thousand instants, the kept cells must equal cells worked out
 * afresh from a status derived afresh.
 */
describe('kept pod row cells', () => {
  it.each(timelinePods())(
    'GIVEN %s WHEN read at 1,000 instants THEN the kept cells never differ',
    (_file, pod) => {
      let differences = 0;
      for (const now of walkInstants(777, 1000)) {
        const kept = cellsOf(pod, podStatus(pod, now));
        if (JSON.stringify(kept) !== JSON.stringify(cellsAfresh(pod, derivedStatus(pod, now)))) differences++;
      }
      expect(differences).toBe(0);
    },
  );
});
