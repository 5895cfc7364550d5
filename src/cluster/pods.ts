import { err, ok, type Result } from '../result.ts';
import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import { kubeletAdmission } from './kubelet-admission.ts';
import { LIMITS } from './limits.ts';
import type { Cluster, Container, CreatedVia, Labels, Pod, RestartPolicy } from './model.ts';
import { orphanCollectedAt } from './pod-gc.ts';
import { bind, bindTo } from './scheduler.ts';
import { iso } from './seed.ts';
import { alreadyExists, forbidden, invalid, notFound, type Status } from './status.ts';
import { duplicatePortWarnings, validatePod } from './validation.ts';

/** A pod as the member described it, before the API server fills in its defaults. */
export interface PodInput {
  name: string;
  namespace: string;
  labels: Labels;
  annotations: Labels;
  containers: Container[];
  nodeSelector: Labels;
  restartPolicy: RestartPolicy;
  createdVia: CreatedVia;
  /** From a manifest: the pod uses its node's network (and IP). */
  hostNetwork?: boolean;
  /** From a manifest: PodSpec fields kept as written (see PodSpec.extra). */
  specExtra?: Record<string, unknown>;
  /** From a manifest: `spec.nodeName`, the node the pod is bound to without the scheduler. */
  nodeName?: string;
}

export interface Created {
  pod: Pod;
  changes: Change[];
  warnings: string[];
}

/** System namespaces' pods do not count against the member's limit. */
export const userPods = (cluster: Pick<Cluster, 'pods'>) =>
  cluster.pods.filter((p) => p.metadata.namespace !== 'kube-system');

/**
 * What the API server does on POST /pods: namespace admission, validation, uniqueness, defaults,
 * then the scheduler binds it if any node fits.
 */
export function createPod(cluster: Cluster, input: PodInput, ids: Ids): Result<Created, Status> {
  const pod = buildPod(input, cluster.now, ids);
  const admitted = admit(cluster, pod);
  if (!admitted.ok) return admitted;
  const causes = validatePod(pod);
  if (causes.length > 0) return err(invalid('Pod', pod.metadata.name, causes));
  const taken = cluster.pods.find(
    (p) => p.metadata.namespace === input.namespace && p.metadata.name === input.name,
  );
  if (taken !== undefined) return err(alreadyExists('pods', input.name, taken.sim.deletion !== undefined));
  const pinned = input.nodeName === undefined ? undefined : pinTo(pod, input.nodeName, cluster);
  const bound = pinned ?? bind(pod, cluster, cluster.now);
  return ok({ pod: bound, changes: [{ op: 'putPod', pod: bound }], warnings: duplicatePortWarnings(bound) });
}

function admit(cluster: Cluster, pod: Pod): Result<true, Status> {
  const { name, namespace } = pod.metadata;
  const found = cluster.namespaces.find((n) => n.metadata.name === namespace);
  if (found === undefined) return err(notFound('namespaces', namespace));
  if (found.status.phase === 'Terminating') {
    const why = `unable to create new content in namespace ${namespace} because it is being terminated`;
    return err(forbidden('pods', name, why));
  }
  if (userPods(cluster).length >= LIMITS.podsPerSandbox) {
    const max = LIMITS.podsPerSandbox;
    const why = `exceeded quota: sandbox, requested: pods=1, used: pods=${max}, limited: pods=${max}`;
    return err(forbidden('pods', name, why));
  }
  if (pod.spec.containers.length > LIMITS.containersPerPod) {
    const why = `this sandbox allows at most ${LIMITS.containersPerPod} containers in a pod, got ${pod.spec.containers.length}`;
    return err(forbidden('pods', name, why));
  }
  return ok(true);
}

/**
 * A pod created with `spec.nodeName` is bound already: the scheduler never sees it (no Scheduled
 * event) and that node's kubelet runs it. On a node the sandbox does not have, no kubelet ever
 * takes it: it stays Pending, with no conditions and no IP, until the pod garbage collector
 * deletes it (pod-gc.ts). A node's kubelet may refuse it (kubelet-admission.ts): then it is
 * Failed at once, never gets an IP and never starts a container (kubelet.go rejectPod).
 */
function pinTo(pod: Pod, nodeName: string, cluster: Cluster): Pod {
  const node = cluster.nodes.find((n) => n.metadata.name === nodeName);
  const spec = { ...pod.spec, nodeName };
  if (node === undefined) {
    const collectedAt = orphanCollectedAt(cluster.now);
    return { ...pod, spec, sim: { ...pod.sim, pinned: true, collectedAt } };
  }
  const rejected = kubeletAdmission(pod, node, cluster.pods);
  if (rejected !== null)
    return { ...pod, spec, sim: { ...pod.sim, pinned: true, scheduledAt: cluster.now, rejected } };
  const bound = bindTo(pod, node, cluster, cluster.now);
  return { ...bound, sim: { ...bound.sim, pinned: true } };
}

export function buildPod(input: PodInput, now: number, ids: Ids): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: ids.uid(),
      resourceVersion: ids.resourceVersion(),
      creationTimestamp: iso(now),
      labels: input.labels,
      annotations: input.annotations,
    },
    spec: {
      containers: input.containers,
      nodeSelector: input.nodeSelector,
      restartPolicy: input.restartPolicy,
      ...(input.hostNetwork === true ? { hostNetwork: true } : {}),
      ...(input.specExtra === undefined ? {} : { extra: input.specExtra }),
    },
    sim: { createdVia: input.createdVia, tokenSuffix: ids.suffix(5), requests: [] },
  };
}

/** What deleting a pod writes: the pod goes, and its port-forwards (and its logs) with it. */
export function podDeletion(cluster: Pick<Cluster, 'forwards'>, pod: Pod): Change[] {
  return [
    { op: 'deletePod', namespace: pod.metadata.namespace, name: pod.metadata.name },
    ...cluster.forwards
      .filter((f) => f.podUid === pod.metadata.uid)
      .map((f): Change => ({ op: 'deleteForward', localPort: f.localPort })),
  ];
}

/**
 * The pod with new container images (the one spec change ValidatePodUpdate allows here): the
 * API server counts a changed spec in metadata.generation.
 */
export function podWithImages(live: Pod, images: readonly (string | undefined)[]): Pod {
  const containers = live.spec.containers.map((c, i) => ({ ...c, image: images[i] ?? c.image }));
  if (containers.every((c, i) => c.image === live.spec.containers[i]?.image)) return live;
  const generation = (live.sim.generation ?? 1) + 1;
  return { ...live, spec: { ...live.spec, containers }, sim: { ...live.sim, generation } };
}
