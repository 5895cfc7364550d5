import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import { sha256 } from './images.ts';
import { iso } from './iso.ts';
import type { Cluster, Namespace, Node, Service } from './model.ts';

/**
 * The `kubernetes` Service in `default`, which every cluster has: the API server's own
 * "bootstrap controller" (controlplane/controller/kubernetesservice) keeps it, with the first
 * address of the service CIDR (10.96.0.0/12 under kubeadm) and port 443 in front of the API
 * server's 6443. Deleting it (`delete all --all`) is allowed; the controller makes it again at
 * once, with a new uid and age.
 */
export const KUBERNETES_SERVICE = { namespace: 'default', name: 'kubernetes' } as const;
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
const API_SERVER_PORT = 6443;

function kubernetesService(meta: {
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      ...KUBERNETES_SERVICE,
      ...meta,
      labels: { component: 'apiserver', provider: 'kubernetes' },
      annotations: {},
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBERNETES_SERVICE_IP,
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: API_SERVER_PORT }],
      selector: {},
      sessionAffinity: 'None',
    },
  };
}

/**
 * The Service as it was made with the cluster, right after the `default` namespace. Its uid is
 * derived from that namespace's, so a sandbox made before Services were stored gets the same
 * object on every load (`withDefaultService`) without taking an id from its counter.
 */
export function originalKubernetesService(defaultNamespace: Namespace): Service {
  const hex = sha256(`service:default/kubernetes:${defaultNamespace.metadata.uid}`);
  return kubernetesService({
    uid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    resourceVersion: String(Number(defaultNamespace.metadata.resourceVersion) + 1),
    creationTimestamp: defaultNamespace.metadata.creationTimestamp,
  });
}

const isKubernetesService = (s: Service): boolean =>
  s.metadata.namespace === KUBERNETES_SERVICE.namespace && s.metadata.name === KUBERNETES_SERVICE.name;

/** What the bootstrap controller guarantees of a loaded cluster: the default Service is there. */
export function withDefaultService<T extends Pick<Cluster, 'namespaces' | 'services'>>(cluster: T): T {
  if (cluster.services.some(isKubernetesService)) return cluster;
  const namespace = cluster.namespaces.find((n) => n.metadata.name === KUBERNETES_SERVICE.namespace);
  if (namespace === undefined) return cluster;
  return { ...cluster, services: [...cluster.services, originalKubernetesService(namespace)] };
}

/** DELETE of a Service; for `default/kubernetes` the controller's re-creation follows it. */
export function serviceDeletion(cluster: Pick<Cluster, 'now'>, service: Service, ids: Ids): Change[] {
  const { namespace, name } = service.metadata;
  const deleted: Change = { op: 'deleteService', namespace, name };
  if (!isKubernetesService(service)) return [deleted];
  const recreated = kubernetesService({
    uid: ids.uid(),
    resourceVersion: ids.resourceVersion(),
    creationTimestamp: iso(cluster.now),
  });
  return [deleted, { op: 'putService', service: recreated }];
}

/** The ready addresses behind a Service port, as its EndpointSlices list them (`IP:PORT`). */
export function serviceEndpoints(service: Service, cluster: Pick<Cluster, 'nodes'>): string[] {
  if (!isKubernetesService(service)) return [];
  return cluster.nodes
    .filter(isControlPlane)
    .map((n) => `${n.status.internalIP}:${API_SERVER_PORT}`)
    .slice(0, 1);
}

const isControlPlane = (n: Node): boolean => 'node-role.kubernetes.io/control-plane' in n.metadata.labels;
