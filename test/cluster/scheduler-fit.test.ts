import { describe, expect, it } from 'vitest';
import { applyToCluster } from '../../src/cluster/changes.ts';
import { podEvents } from '../../src/cluster/events.ts';
import { createIds } from '../../src/cluster/ids.ts';
import type { Cluster, Container } from '../../src/cluster/model.ts';
import { createPod } from '../../src/cluster/pods.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import { T0 } from '../helpers/app.ts';

/** NodeResourcesFit: a pod that asks for more than any node can allocate stays Pending. */
const ids = createIds('fit', 0);
const fresh = (): Cluster => ({ now: T0, ...seedCluster(T0, ids), forwards: [], files: [] });
const asking = (requests: Record<string, string>): Container => ({
  name: 'app',
  image: 'nginx',
  imagePullPolicy: 'Always',
  ports: [],
  env: [],
  extra: { resources: { requests } },
});
const create = (cluster: Cluster, name: string, requests: Record<string, string>) => {
  const created = createPod(
    cluster,
    {
      name,
      namespace: 'default',
      labels: {},
      annotations: {},
      containers: [asking(requests)],
      nodeSelector: {},
      restartPolicy: 'Always',
      createdVia: 'create',
    },
    ids,
  );
  if (!created.ok) throw new Error(created.error.message);
  return { pod: created.value.pod, cluster: applyToCluster(cluster, created.value.changes) };
};

describe('the scheduler honours resource requests', () => {
  it('GIVEN a pod requesting 50 CPUs WHEN created THEN it stays Pending with FailedScheduling Insufficient cpu', () => {
    const { pod, cluster } = create(fresh(), 'big', { cpu: '50' });
    expect(pod.spec.nodeName).toBeUndefined();
    const failed = podEvents(pod, cluster).find((e) => e.reason === 'FailedScheduling');
    expect(failed?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });

  it('GIVEN pods that fit one by one WHEN the nodes fill up THEN the next one no longer fits', () => {
    let cluster = fresh();
    for (const name of ['a', 'b', 'c']) {
      const made = create(cluster, name, { cpu: '1500m' });
      expect(made.pod.spec.nodeName, name).toBeDefined();
      cluster = made.cluster;
    }
    const fourth = create(cluster, 'd', { cpu: '1500m' });
    expect(fourth.pod.spec.nodeName).toBeUndefined();
  });

  it('GIVEN a pod without requests THEN it is placed as before', () => {
    expect(create(fresh(), 'small', {}).pod.spec.nodeName).toBeDefined();
  });
});
