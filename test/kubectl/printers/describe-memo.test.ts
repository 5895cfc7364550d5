import { describe, expect, it } from 'vitest';
import { lifeOf, podEvents } from '../../../src/cluster/events.ts';
import { podStatus } from '../../../src/cluster/lifecycle.ts';
import type { Cluster, Container, Pod } from '../../../src/cluster/model.ts';
import {
  describeHeader,
  describeHeaderAfresh,
  describePod,
  specPart,
  specPartAfresh,
} from '../../../src/kubectl/printers/describe-pod.ts';
import { createRandom } from '../../../src/quiz/random.ts';
import {
  container,
  createThrough,
  seededCluster,
  T0,
  timelinePods,
  walkInstants,
} from '../../cluster/lifecycle-fixtures.ts';

/**
 * `describe pod` keeps what only depends on the pod's life (spec, sim, name, namespace, uid) and
 * its status: the status and kubelet events are asked with the first pod object of that life
 * (`lifeOf`), and the body from "Containers:" to "Tolerations:" is kept per status object. Walked
 * through every timeline's pod at 400 instants, relabelled and annotated now and then (a new
 * object sharing spec and sim, as `kubectl label` makes), the text must equal a describe of a
 * deep copy (new spec and sim objects: nothing kept applies to it).
 */

/** What `kubectl label`/`annotate` make: a new pod and metadata, the same spec and sim. */
function relabelled(pod: Pod, step: number): Pod {
  const metadata =
    step % 2 === 0
      ? Object.assign({}, pod.metadata, { labels: { ...pod.metadata.labels, step: `s${step}` } })
      : Object.assign({}, pod.metadata, {
          annotations: { ...pod.metadata.annotations, note: `a much longer note number ${step}` },
        });
  return Object.assign({}, pod, { metadata });
}

const fresh = (pod: Pod, cluster: Pick<Cluster, 'now' | 'nodes' | 'pods'>): string =>
  describePod(structuredClone(pod), cluster);

function walk(pod: Pod, cluster: Cluster, seed: number, count: number) {
  let current = pod;
  let differences = 0;
  let kept = 0;
  let step = 0;
  for (const now of walkInstants(seed, count, 60_000)) {
    step++;
    if (step % 3 !== 0) current = relabelled(current, step);
    const view = { ...cluster, pods: [...cluster.pods, current], now };
    const text = describePod(current, view);
    if (text !== fresh(current, view)) differences++;
    if (lifeOf(current) !== current && podStatus(lifeOf(current), now) === podStatus(lifeOf(pod), now))
      kept++;
  }
  return { differences, kept };
}

describe('describe pod across relabelling', () => {
  it.each(timelinePods())(
    'GIVEN %s relabelled between reads WHEN described at 400 instants THEN the text equals a fresh describe',
    (_file, pod) => {
      const { differences, kept } = walk(pod, seededCluster(), 24680, 400);
      expect(differences).toBe(0);
      // The kept status is used for the relabelled objects.
      expect(kept).toBeGreaterThan(0);
    },
  );

  it('GIVEN pods made through the API (volumes, tolerations, a pending one, a rejected one) WHEN relabelled and described THEN the text equals a fresh describe', () => {
    let cluster = seededCluster();
    const made: Pod[] = [];
    const specs: [string, string, Partial<Container>][] = [
      ['web', 'nginx:1.27', { ports: [{ containerPort: 80, protocol: 'TCP' }] }],
      ['crash', 'busybox', {}],
      ['typo', 'ngnix', {}],
    ];
    for (const [name, image, extra] of specs) {
      const created = createThrough(cluster, name, [container(name, image, extra)]);
      cluster = created.cluster;
      made.push(created.pod);
    }
    const pending = createThrough(cluster, 'pending', [container('pending', 'nginx')], {
      nodeSelector: { disk: 'ssd' },
    });
    cluster = pending.cluster;
    made.push(pending.pod);
    // Bound by its creator to a node it does not fit: the kubelet rejected it.
    const rejected = createThrough(cluster, 'rejected', [container('rejected', 'nginx')], {
      nodeSelector: { disk: 'ssd' },
      nodeName: 'node01',
    });
    cluster = rejected.cluster;
    made.push(rejected.pod);
    let differences = 0;
    for (const [i, pod] of made.entries()) differences += walk(pod, cluster, 1000 + i, 300).differences;
    expect(differences).toBe(0);
  });

  it('GIVEN a relabelled pod WHEN its events are listed THEN the kubelet events kept for the first object are used', () => {
    const [[, pod]] = timelinePods().filter(([f]) => f.includes('crash')) as [[string, Pod]];
    const cluster = { ...seededCluster(), now: walkInstants(7, 1)[0] ?? 0 };
    const first = podEvents(pod, { ...cluster, now: cluster.now + 90_000 });
    const again = podEvents(relabelled(pod, 2), { ...cluster, now: cluster.now + 90_000 });
    expect(again).toEqual(first);
    expect(lifeOf(relabelled(pod, 4))).toBe(pod);
  });

  it('GIVEN a pod bound after a retry WHEN its events are read against two clusters THEN FailedScheduling says what each cluster says', () => {
    const [[, bound]] = timelinePods() as [[string, Pod]];
    // Created five minutes before it was bound: one FailedScheduling, whose message weighs the nodes.
    const pod = Object.assign({}, bound, {
      metadata: { ...bound.metadata, creationTimestamp: '2025-01-15T09:55:00Z' },
    });
    const full = { ...seededCluster(), now: bound.sim.scheduledAt ?? 0 };
    const few = { ...full, nodes: full.nodes.slice(0, 1) };
    const message = (cluster: typeof full) =>
      podEvents(pod, cluster).find((e) => e.reason === 'FailedScheduling')?.message;
    const fromFull = message({ ...full, now: full.now + 60_000 });
    const fromFew = message({ ...few, now: full.now + 61_000 });
    expect(fromFull).toMatch(/^0\/4 nodes/);
    expect(fromFew).toMatch(/^0\/1 nodes/);
    expect(podEvents(pod, { ...few, now: full.now + 62_000 })).toEqual(
      podEvents(structuredClone(pod), { ...few, now: full.now + 62_000 }),
    );
  });

  it('GIVEN the seeded kube-system pods WHEN relabelled and described THEN the text equals a fresh describe', () => {
    const cluster = seededCluster();
    let differences = 0;
    for (const [i, pod] of cluster.pods.entries()) differences += walk(pod, cluster, 500 + i, 40).differences;
    expect(differences).toBe(0);
  });

  it('GIVEN a pod with no volume at all WHEN described THEN "Volumes:  <none>" stays in the conditions\' column block', () => {
    const [[, bound]] = timelinePods() as [[string, Pod]];
    const pod = Object.assign({}, bound, {
      metadata: {
        ...bound.metadata,
        namespace: 'kube-system',
        annotations: { 'kubernetes.io/config.mirror': 'abc' },
      },
    });
    const view = { ...seededCluster(), now: (bound.sim.scheduledAt ?? 0) + 90_000 };
    for (const now of [view.now, view.now + 1000]) {
      const lines = describePod(relabelled(pod, now), { ...view, now }).split('\n');
      const volumes = lines.find((l) => l.startsWith('Volumes:')) ?? '';
      const scheduled = lines.find((l) => l.startsWith('  PodScheduled')) ?? '';
      expect(volumes.indexOf('<none>')).toBe(scheduled.indexOf('True'));
      expect(volumes.indexOf('<none>')).toBeGreaterThan(20);
    }
  });

  it('GIVEN a static pod annotated out of being a mirror WHEN described THEN its token volume follows the annotation', () => {
    const cluster = seededCluster();
    const mirror = cluster.pods.find(
      (p) => p.metadata.annotations['kubernetes.io/config.mirror'] !== undefined,
    );
    if (mirror === undefined) throw new Error('no static pod in the seed');
    const view = { ...cluster, now: cluster.now + 120_000 };
    const before = describePod(mirror, view);
    const { 'kubernetes.io/config.mirror': _, ...rest } = mirror.metadata.annotations;
    const plain = Object.assign({}, mirror, { metadata: { ...mirror.metadata, annotations: rest } });
    const after = describePod(plain, view);
    expect(before).not.toContain('kube-api-access-');
    expect(after).toContain('kube-api-access-');
    expect(after).toBe(fresh(plain, view));
  });

  it('GIVEN a pod with another uid or name but the same spec and sim WHEN asked for its life THEN it is its own', () => {
    const [[, pod]] = timelinePods() as [[string, Pod]];
    lifeOf(pod);
    const other = Object.assign({}, pod, { metadata: { ...pod.metadata, uid: 'another' } });
    const renamed = Object.assign({}, pod, { metadata: { ...pod.metadata, name: 'q' } });
    expect(lifeOf(other)).toBe(other);
    expect(lifeOf(renamed)).toBe(renamed);
  });

  it('GIVEN 2,000 seeded pods (QoS classes, token suffixes, some with volumes, tolerations, node selectors or none of the token volume) WHEN their part from "Volumes:" is asked THEN it equals the part written afresh', () => {
    const random = createRandom('describe-spec-part');
    const cluster = seededCluster();
    const mirror = cluster.pods.find(
      (p) => p.metadata.annotations['kubernetes.io/config.mirror'] !== undefined,
    );
    if (mirror === undefined) throw new Error('no static pod in the seed');
    const resources = [
      null,
      { limits: { cpu: '100m', memory: '64Mi' } },
      { requests: { cpu: '50m' } },
      { limits: { memory: '1Gi' }, requests: { memory: '512Mi' } },
    ];
    let differences = 0;
    let plain = 0;
    for (let i = 0; i < 2000; i++) {
      const written = random.pick(resources);
      const { pod } = createThrough(cluster, `p${i % 7}`, [
        container('c', random.pick(['busybox', 'nginx:1.27', 'luksa/kubia']), {
          ...(written === null ? {} : { extra: { resources: written } }),
        }),
      ]);
      const extra: Record<string, unknown> = {};
      if (random.chance(0.15)) extra.volumes = [{ name: 'data', emptyDir: {} }];
      if (random.chance(0.15)) extra.tolerations = [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }];
      const suffix = random.pick(['abcde', 'x9z2k', 'q', 'kube-api-access-', '😀1234']);
      const made: Pod = {
        ...pod,
        metadata: random.chance(0.05) ? mirror.metadata : pod.metadata,
        spec: {
          ...pod.spec,
          ...(Object.keys(extra).length > 0 ? { extra } : {}),
          nodeSelector: random.chance(0.15) ? { disk: 'ssd' } : {},
        },
        sim: { ...pod.sim, tokenSuffix: suffix },
      };
      const noEvents = random.chance(0.5);
      const kept = specPart(made, noEvents);
      if (kept !== specPartAfresh(made, noEvents)) differences++;
      if (Object.keys(extra).length === 0 && Object.keys(made.spec.nodeSelector).length === 0) plain++;
    }
    expect(differences).toBe(0);
    // Most took the kept way, and some did not.
    expect(plain).toBeGreaterThan(1000);
    expect(plain).toBeLessThan(1900);
  });

  it('GIVEN 3,000 seeded pods (labels and annotations of every shape, kube-system, deleting, rejected) read at several instants WHEN the header is written THEN it equals the header the writer aligns', () => {
    const random = createRandom('describe-header');
    let cluster = seededCluster();
    const pods: Pod[] = [...cluster.pods];
    for (const [i, image] of ['busybox', 'luksa/kubia', 'ngnix', 'nginx:1.27', 'nginx'].entries()) {
      const made = createThrough(cluster, `h${i}`, [container(`h${i}`, image)], {
        ...(i >= 3 ? { nodeSelector: { disk: 'ssd' } } : {}),
        // Bound by its creator to a node it does not fit: rejected, with Reason: and Message:.
        ...(i === 4 ? { nodeName: 'node02' } : {}),
      });
      cluster = made.cluster;
      pods.push(made.pod);
    }
    const values = ['', 'v', 'prod', 'x'.repeat(150), 'two\nlines', 'ends\n', 'tab\there', '한글', '😀'];
    const keys = [
      'app',
      'env',
      'step',
      'a.b/c',
      'z',
      '9',
      '10',
      'kubectl.kubernetes.io/last-applied-configuration',
    ];
    const pick = (count: number): Record<string, string> => {
      const map: Record<string, string> = {};
      for (let j = 0; j < count; j++) map[random.pick(keys)] = random.pick(values);
      return map;
    };
    let differences = 0;
    let plain = 0;
    for (let i = 0; i < 3000; i++) {
      const base = random.pick(pods);
      const labels = random.chance(0.7) ? pick(random.int(4)) : { app: 'kubia', env: 'prod' };
      const annotations = random.chance(0.5) ? pick(random.int(3)) : {};
      const pod: Pod = {
        ...base,
        metadata: { ...base.metadata, labels, annotations },
        ...(random.chance(0.05)
          ? {
              sim: {
                ...base.sim,
                deletion: { requestedAt: T0 + 5_000, gracePeriodSeconds: 30, goneAt: T0 + 35_000 },
              },
            }
          : {}),
      };
      const now = T0 + random.pick([0, 1_000, 4_000, 60_000, 3_600_000]) + random.int(1000);
      const view = { ...cluster, now };
      const header = describeHeader(pod, view);
      if (header !== describeHeaderAfresh(pod, view)) differences++;
      if (pod.metadata.namespace !== 'kube-system' && pod.sim.deletion === undefined) plain++;
    }
    expect(differences).toBe(0);
    expect(plain).toBeGreaterThan(500);
    expect(plain).toBeLessThan(2900);
  });
});
