import { err, ok, type Result } from '../result.ts';
import type { Cluster, Node, Pod } from './model.ts';
import { notFound, type Status } from './status.ts';

/**
 * Where the API server sends a pod's exec, attach and log requests (the registry's
 * streamLocation and LogLocation): to the kubelet of the node the pod is bound to. A pod bound to
 * no node has none (null: exec refuses, logs are empty); a node the cluster does not have is the
 * node lookup's own NotFound, which kubectl prints as it is.
 */
export function podKubelet(pod: Pod, cluster: Pick<Cluster, 'nodes'>): Result<Node | null, Status> {
  const nodeName = pod.spec.nodeName;
  if (nodeName === undefined) return ok(null);
  const node = cluster.nodes.find((n) => n.metadata.name === nodeName);
  return node === undefined ? err(notFound('nodes', nodeName)) : ok(node);
}
