import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createIds } from '../../src/cluster/ids.ts';
import type { Cluster, Container, Pod, RestartPolicy } from '../../src/cluster/model.ts';
import { createPod } from '../../src/cluster/pods.ts';
import { seedCluster } from '../../src/cluster/seed.ts';

/** 2025-01-15T10:00:00Z, the fixed clock of every test sandbox. */
export const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
export const at = (ms: number): number => T0 + ms;

/** A pod bound at T0 to node01, built without the API path (for exact lifecycle timings). */
export function boundPod(containers: Partial<Container>[], restartPolicy: RestartPolicy = 'Always'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      namespace: 'default',
      uid: '11111111-2222-4333-a444-555555555555',
      resourceVersion: '1',
      creationTimestamp: '2025-01-15T10:00:00Z',
      labels: {},
      annotations: {},
    },
    spec: {
      containers: containers.map((c, i) => ({
        name: `c${i}`,
        image: 'busybox:1.36',
        imagePullPolicy: 'IfNotPresent',
        ports: [],
        env: [],
        ...c,
      })),
      nodeSelector: {},
      restartPolicy,
      nodeName: 'node01',
    },
    sim: {
      scheduledAt: T0,
      podIP: '10.244.1.2',
      hostIP: '172.30.1.3',
      createdVia: 'create',
      tokenSuffix: 'abcde',
      requests: [],
    },
  };
}

/** A seeded sandbox cluster at T0 (four nodes, kube-system pods). */
export function seededCluster(): Cluster {
  const seed = seedCluster(T0, createIds('lifecycle-test', 0));
  return { now: T0, ...seed, forwards: [], files: [] };
}

/** Creates a pod through the API server path (admission, defaults, scheduler). */
export function createThrough(
  cluster: Cluster,
  name: string,
  containers: Container[],
  options: { nodeSelector?: Record<string, string>; restartPolicy?: RestartPolicy; nodeName?: string } = {},
): { cluster: Cluster; pod: Pod } {
  const created = createPod(
    cluster,
    {
      name,
      namespace: 'default',
      labels: { run: name },
      annotations: {},
      containers,
      nodeSelector: options.nodeSelector ?? {},
      restartPolicy: options.restartPolicy ?? 'Always',
      createdVia: 'create',
      ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
    },
    createIds(`lifecycle-test-${name}`, 100),
  );
  if (!created.ok) throw new Error(`createPod failed: ${JSON.stringify(created.error)}`);
  return { cluster: { ...cluster, pods: [...cluster.pods, created.value.pod] }, pod: created.value.pod };
}

export const container = (name: string, image: string, extra: Partial<Container> = {}): Container => ({
  name,
  image,
  imagePullPolicy: image.includes(':') ? 'IfNotPresent' : 'Always',
  ports: [],
  env: [],
  ...extra,
});

/** Every timeline fixture's pod (test/cluster/timelines/*.yaml), by file name. */
export function timelinePods(): [string, Pod][] {
  const dir = join(new URL('.', import.meta.url).pathname, 'timelines');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((file) => {
      const spec = parse(readFileSync(join(dir, file), 'utf8')) as {
        pod: { restartPolicy?: RestartPolicy; containers: Partial<Container>[] };
      };
      return [file, boundPod(spec.pod.containers, spec.pod.restartPolicy ?? 'Always')];
    });
}

/**
 * `count` instants from T0 - 2 s on, for a memo's test: steps of up to `small` ms half the time,
 * then up to 30 s, 400 s or 6 h, and 3% of them back by up to 20 s. The same for a seed.
 */
export function walkInstants(seed: number, count: number, small = 2_000): number[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const instants: number[] = [];
  let t = -2000;
  for (let i = 0; i < count; i++) {
    const r = next();
    const scale = r < 0.5 ? small : r < 0.8 ? 30_000 : r < 0.97 ? 400_000 : 6 * 3_600_000;
    t += next() < 0.03 ? -Math.floor(next() * 20_000) : Math.floor(next() * scale);
    instants.push(at(t));
  }
  return instants;
}
