import { type KubectlError, kubectlError } from '../kubectl/errors.ts';
import { err, ok, type Result } from '../result.ts';
import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { Cluster, Container, CreatedVia, Labels, Pod, RestartPolicy } from './model.ts';
import { bind } from './scheduler.ts';
import { iso } from './seed.ts';
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
 * then the scheduler binds it if any node fits. `source` is the file name for `-f` messages.
 */
export function createPod(
  cluster: Cluster,
  input: PodInput,
  ids: Ids,
  source?: string,
): Result<Created, KubectlError> {
  const pod = buildPod(input, cluster.now, ids);
  const admitted = admit(cluster, pod, source);
  if (!admitted.ok) return admitted;
  const causes = validatePod(pod);
  if (causes.length > 0)
    return err(kubectlError('invalid', { kind: 'Pod', name: pod.metadata.name, causes }));
  if (cluster.pods.some((p) => p.metadata.namespace === input.namespace && p.metadata.name === input.name)) {
    return err(
      kubectlError('alreadyExists', {
        resource: 'pods',
        name: input.name,
        ...(source === undefined ? {} : { source }),
      }),
    );
  }
  const bound = bind(pod, cluster, cluster.now);
  return ok({ pod: bound, changes: [{ op: 'putPod', pod: bound }], warnings: duplicatePortWarnings(bound) });
}

function admit(cluster: Cluster, pod: Pod, source: string | undefined): Result<true, KubectlError> {
  const namespace = cluster.namespaces.find((n) => n.metadata.name === pod.metadata.namespace);
  if (namespace === undefined) {
    return err(
      kubectlError('namespaceNotFound', {
        namespace: pod.metadata.namespace,
        ...(source === undefined ? {} : { source }),
      }),
    );
  }
  if (namespace.status.phase === 'Terminating') {
    return err(
      kubectlError('namespaceTerminating', {
        resource: 'pods',
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
      }),
    );
  }
  if (userPods(cluster).length >= LIMITS.podsPerSandbox) {
    return err(
      kubectlError('limit', {
        message: `pods "${pod.metadata.name}" is forbidden: exceeded quota: sandbox, requested: pods=1, used: pods=${LIMITS.podsPerSandbox}, limited: pods=${LIMITS.podsPerSandbox}`,
      }),
    );
  }
  if (pod.spec.containers.length > LIMITS.containersPerPod) {
    return err(
      kubectlError('limit', {
        message: `pods "${pod.metadata.name}" is forbidden: this sandbox allows at most ${LIMITS.containersPerPod} containers in a pod, got ${pod.spec.containers.length}`,
      }),
    );
  }
  return ok(true);
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
