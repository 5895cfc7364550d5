import { applyToCluster, type Change } from '../cluster/changes.ts';
import type { Ids } from '../cluster/ids.ts';
import { defaultPullPolicy } from '../cluster/images.ts';
import type { Cluster, Namespace } from '../cluster/model.ts';
import { createPod } from '../cluster/pods.ts';
import { iso } from '../cluster/seed.ts';
import type { Status } from '../cluster/status.ts';
import { err, ok, type Result } from '../result.ts';
import {
  type Decoder,
  here,
  int,
  labelMap,
  list,
  object,
  podName,
  problem,
  stringMap,
  text,
} from './decode.ts';
import type { Lab, SeedContainer, SeedPod } from './model.ts';

/**
 * A lab's starting state: pods placed in the lab's own namespace when it starts, made through the
 * same `createPod` as `kubectl create -f` (validation, defaults, scheduling), so a seeded pod is
 * indistinguishable from one the member made. Restarting a lab empties that namespace first; the
 * member's other namespaces are never touched.
 */
const port = int(1, 65535);
const container = object({ name: text, image: text }, { ports: list(port), command: list(text, 1) });

const seedPod: Decoder<SeedPod> = (node, at) => {
  const decoded = object(
    { name: podName },
    {
      labels: labelMap(),
      annotations: stringMap,
      nodeSelector: labelMap(),
      image: text,
      ports: list(port),
      containers: list(container, 1),
    },
  )(node, at);
  if (!decoded.ok) return decoded;
  const v = decoded.value;
  if ((v.image === undefined) === (v.containers === undefined)) {
    return problem(here(node, at), 'give either `image` (one container) or `containers`');
  }
  const containers: SeedContainer[] = (v.containers ?? []).map((c) => ({ ...c, ports: c.ports ?? [] }));
  if (v.image !== undefined) containers.push({ name: v.name, image: v.image, ports: v.ports ?? [] });
  return ok({
    name: v.name,
    labels: v.labels ?? {},
    annotations: v.annotations ?? {},
    nodeSelector: v.nodeSelector ?? {},
    containers,
  });
};

export const seed = object({ pods: list(seedPod, 1) });

function freshNamespace(name: string, now: number, ids: Ids): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: ids.uid(),
      resourceVersion: ids.resourceVersion(),
      creationTimestamp: iso(now),
      labels: { 'kubernetes.io/metadata.name': name },
      annotations: {},
    },
    status: { phase: 'Active' },
  };
}

/** Everything in the lab's namespace goes (pods, and the forwards to them), then the namespace. */
function emptied(cluster: Cluster, namespace: string): Change[] {
  if (!cluster.namespaces.some((n) => n.metadata.name === namespace)) return [];
  return [
    ...cluster.forwards
      .filter((f) => f.namespace === namespace)
      .map((f): Change => ({ op: 'deleteForward', localPort: f.localPort })),
    ...cluster.pods
      .filter((p) => p.metadata.namespace === namespace)
      .map((p): Change => ({ op: 'deletePod', namespace, name: p.metadata.name })),
    { op: 'deleteNamespace', name: namespace },
  ];
}

/** Namespaces a lab may work in but never empty or seed: the member's own work and the system's. */
export const SHARED_NAMESPACES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/** The changes that set a lab's stage; nothing for a lab that works in a shared namespace. */
export function startChanges(lab: Lab, cluster: Cluster, ids: Ids): Result<Change[], Status> {
  if (SHARED_NAMESPACES.includes(lab.namespace)) return ok([]);
  const changes: Change[] = [
    ...emptied(cluster, lab.namespace),
    { op: 'putNamespace', namespace: freshNamespace(lab.namespace, cluster.now, ids) },
  ];
  let stage = applyToCluster(cluster, changes);
  for (const pod of lab.seed) {
    const created = createPod(
      stage,
      {
        name: pod.name,
        namespace: lab.namespace,
        labels: pod.labels,
        annotations: pod.annotations,
        containers: pod.containers.map((c) => ({
          name: c.name,
          image: c.image,
          imagePullPolicy: defaultPullPolicy(c.image),
          ports: c.ports.map((containerPort) => ({ containerPort, protocol: 'TCP' as const })),
          env: [],
          ...(c.command === undefined ? {} : { command: c.command }),
        })),
        nodeSelector: pod.nodeSelector,
        restartPolicy: 'Always',
        createdVia: 'create',
      },
      ids,
    );
    if (!created.ok) return err(created.error);
    changes.push(...created.value.changes);
    stage = applyToCluster(stage, created.value.changes);
  }
  return ok(changes);
}
