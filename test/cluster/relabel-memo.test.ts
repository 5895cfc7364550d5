import { describe, expect, it } from 'vitest';
import { derivedStatus, podStatus } from '../../src/cluster/lifecycle.ts';
import type { Pod } from '../../src/cluster/model.ts';
import { plannedAfresh, planProcesses } from '../../src/cluster/process.ts';
import { timelinePods, walkInstants } from './lifecycle-fixtures.ts';

/** The pod as `kubectl label` leaves it: new metadata, the same spec and sim objects. */
const relabelled = (pod: Pod, step: number): Pod =>
  Object.assign({}, pod, {
    metadata: Object.assign({}, pod.metadata, {
      labels: { ...pod.metadata.labels, step: `s${step}` },
      resourceVersion: String(step),
    }),
  });

/** Copies that keep the spec and sim objects but differ in what a status reads. */
const renamed = (pod: Pod, step: number): Pod =>
  Object.assign({}, pod, { metadata: Object.assign({}, pod.metadata, { name: `p${step % 3}` }) });
const otherUid = (pod: Pod, step: number): Pod =>
  Object.assign({}, pod, {
    metadata: Object.assign({}, pod.metadata, { uid: `11111111-2222-4333-a444-55555555555${step % 3}` }),
  });
const otherNamespace = (pod: Pod, step: number): Pod =>
  Object.assign({}, pod, { metadata: Object.assign({}, pod.metadata, { namespace: `ns${step % 3}` }) });
const otherSpec = (pod: Pod, step: number): Pod =>
  Object.assign({}, pod, {
    spec: Object.assign({}, pod.spec, { restartPolicy: step % 2 === 0 ? 'Never' : 'Always' }),
  });

/**
 * A pod's status and process plans are kept with its sim and spec objects, which a label or
 * annotate keeps: a relabelled pod reads the kept ones. Copies that keep those objects but
 * change the name, uid, namespace or spec must not read another pod's status. Walked through
 * every timeline's pod at a thousand instants, each changed in one of these ways at each, the
 * kept status must equal one derived afresh.
 */
describe('status kept across a label or annotate', () => {
  it.each(timelinePods())(
    'GIVEN %s relabelled, renamed, given another uid, namespace or spec at 1,000 instants THEN the kept status never differs',
    (_file, first) => {
      const changes = [relabelled, renamed, otherUid, otherNamespace, otherSpec];
      let pod = first;
      let differences = 0;
      let step = 0;
      for (const now of walkInstants(4242, 1000)) {
        step++;
        const change = changes[step % changes.length] ?? relabelled;
        const before = podStatus(pod, now);
        pod = change(pod, step);
        const kept = podStatus(pod, now);
        if (JSON.stringify(kept) !== JSON.stringify(derivedStatus(pod, now))) differences++;
        if (JSON.stringify(planProcesses(pod)) !== JSON.stringify(plannedAfresh(pod))) differences++;
        // A relabelled pod is not derived again.
        if (change === relabelled && kept !== before) differences++;
      }
      expect(differences).toBe(0);
    },
  );
});
