import { describe, expect, it } from 'vitest';
import { podEvents } from '../../src/cluster/events.ts';
import type { Cluster, Pod } from '../../src/cluster/model.ts';
import { scheduleWaiting } from '../../src/cluster/scheduler.ts';
import { at, boundPod, container, createThrough, seededCluster, T0 } from './lifecycle-fixtures.ts';

const rows = (pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods' | 'now'>) =>
  podEvents(pod, cluster).map(
    (e) => `${e.type} ${e.reason} x${e.count} ${(e.first - T0) / 1000}..${(e.last - T0) / 1000} ${e.message}`,
  );

const UID = '11111111-2222-4333-a444-555555555555';

describe('pod events, derived from time', () => {
  it('GIVEN a kubia pod WHEN it started THEN Scheduled, Pulling, Pulled (with time and size), Created, Started', () => {
    const { cluster, pod } = createThrough(seededCluster(), 'kubia', [container('kubia', 'luksa/kubia')]);
    expect(rows(pod, { ...cluster, now: at(10_000) })).toEqual([
      `Normal Scheduled x1 0..0 Successfully assigned default/kubia to ${pod.spec.nodeName}`,
      'Normal Pulling x1 0..0 Pulling image "luksa/kubia"',
      'Normal Pulled x1 3..3 Successfully pulled image "luksa/kubia" in 2.1s (2.1s including waiting). Image size: 267353126 bytes.',
      'Normal Created x1 3..3 Created container: kubia',
      'Normal Started x1 3..3 Started container kubia',
    ]);
  });

  it('GIVEN a crash loop on an IfNotPresent image WHEN a minute passed THEN restarts say "already present" and BackOff is counted', () => {
    const pod = boundPod([{ name: 'bb' }]);
    const cluster = { ...seededCluster(), pods: [pod], now: at(60_000) };
    expect(rows(pod, cluster).filter((r) => !r.includes('Scheduled'))).toEqual([
      'Normal Pulling x1 0..0 Pulling image "busybox:1.36"',
      'Normal Pulled x1 1..1 Successfully pulled image "busybox:1.36" in 900ms (900ms including waiting). Image size: 2155134 bytes.',
      // Equal last times keep the API's order: when each event object was first written.
      'Normal Created x4 1..36 Created container: bb',
      'Normal Started x4 1..36 Started container bb',
      'Normal Pulled x3 3..36 Container image "busybox:1.36" already present on machine',
      `Warning BackOff x6 4..57 Back-off restarting failed container bb in pod p_default(${UID})`,
    ]);
  });

  it('GIVEN an image that cannot be pulled WHEN 40 s passed THEN the Failed, ErrImagePull, BackOff and ImagePullBackOff events repeat', () => {
    const pod = boundPod([{ image: 'nope', imagePullPolicy: 'Always' }]);
    const cluster = { ...seededCluster(), pods: [pod], now: at(40_000) };
    const error =
      'failed to pull and unpack image "docker.io/library/nope:latest": failed to resolve reference "docker.io/library/nope:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(rows(pod, cluster).filter((r) => !r.includes('Scheduled'))).toEqual([
      'Normal Pulling x3 0..35 Pulling image "nope"',
      `Warning Failed x3 2..36 Failed to pull image "nope": ${error}`,
      'Warning Failed x3 2..36 Error: ErrImagePull',
      // One back-off sync in the first 10 s, two in the next 20 s, one so far after the third failure.
      'Normal BackOff x4 3..37 Back-off pulling image "nope"',
      'Warning Failed x4 3..37 Error: ImagePullBackOff',
    ]);
  });

  it('GIVEN a pod whose nodeSelector no node satisfies WHEN 6 minutes passed THEN FailedScheduling is repeated every 5 minutes', () => {
    const created = createThrough(seededCluster(), 'kubia-gpu', [container('kubia', 'luksa/kubia')], {
      nodeSelector: { gpu: 'true' },
    });
    const message =
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.";
    expect(rows(created.pod, { ...created.cluster, now: at(360_000) })).toEqual([
      `Warning FailedScheduling x2 0..300 ${message}`,
    ]);
  });

  it('GIVEN a pending gpu pod WHEN a node is labelled gpu=true later THEN the old FailedScheduling stays and Scheduled follows', () => {
    const created = createThrough(seededCluster(), 'kubia-gpu', [container('kubia', 'luksa/kubia')], {
      nodeSelector: { gpu: 'true' },
    });
    const nodes = created.cluster.nodes.map((n) =>
      n.metadata.name === 'node02'
        ? { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, gpu: 'true' } } }
        : n,
    );
    const changes = scheduleWaiting({ nodes, pods: created.cluster.pods }, at(120_000));
    const bound = changes.flatMap((c) => (c.op === 'putPod' ? [c.pod] : []))[0];
    if (bound === undefined) throw new Error('not scheduled');
    const cluster = { ...created.cluster, nodes, pods: [bound], now: at(130_000) };
    expect(rows(bound, cluster).slice(0, 2)).toEqual([
      "Warning FailedScheduling x1 0..0 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
      'Normal Scheduled x1 120..120 Successfully assigned default/kubia-gpu to node02',
    ]);
  });

  it('GIVEN a long crash loop WHEN the kubelet has spent its 25-event burst THEN later events only get through every 5 minutes', () => {
    const pod = boundPod([{ name: 'bb' }]);
    const cluster = { ...seededCluster(), pods: [pod], now: at(40 * 60_000) };
    const events = podEvents(pod, cluster);
    const backOff = events.find((e) => e.reason === 'BackOff');
    const created = events.find((e) => e.reason === 'Created');
    // Counts keep growing in the correlator's cache, but writes are rate limited.
    expect(backOff?.count).toBeGreaterThan(100);
    // 13 starts so far, but the BackOff warnings take the tokens as they refill: Created looks frozen.
    expect(podEvents(pod, cluster).length).toBeGreaterThan(0);
    expect(created?.count).toBeLessThan(13);
    expect((created?.last ?? 0) - T0).toBeLessThan(10 * 60_000);
  });

  it('GIVEN events older than an hour WHEN described THEN they are gone (the API server TTL)', () => {
    const { cluster, pod } = createThrough(seededCluster(), 'kubia', [container('kubia', 'luksa/kubia')]);
    expect(podEvents(pod, { ...cluster, now: at(3_700_000) })).toEqual([]);
  });
});
