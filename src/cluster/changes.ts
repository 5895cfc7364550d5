import type { Namespace, Node, Pod, PortForward, SavedFile, Service } from './model.ts';

/** What a kubectl handler asks the store to write; applied in one transaction, or not at all. */
export type Change =
  | { op: 'putPod'; pod: Pod }
  | { op: 'deletePod'; namespace: string; name: string }
  | { op: 'putNode'; node: Node }
  | { op: 'putNamespace'; namespace: Namespace }
  | { op: 'deleteNamespace'; name: string }
  | { op: 'putService'; service: Service }
  | { op: 'deleteService'; namespace: string; name: string }
  | { op: 'putForward'; forward: PortForward }
  | { op: 'deleteForward'; localPort: number }
  | { op: 'putFile'; file: SavedFile }
  | { op: 'deleteFile'; name: string }
  | { op: 'advanceClock'; ms: number };

/** Applies changes to an in-memory cluster, so a handler's later steps (and tests) see its writes. */
export function applyToCluster<
  T extends {
    pods: Pod[];
    services: Service[];
    nodes: Node[];
    namespaces: Namespace[];
    forwards: PortForward[];
    files: SavedFile[];
    now: number;
  },
>(cluster: T, changes: readonly Change[]): T {
  let next = { ...cluster };
  for (const change of changes) next = applyOne(next, change);
  return next;
}

function applyOne<
  T extends {
    pods: Pod[];
    services: Service[];
    nodes: Node[];
    namespaces: Namespace[];
    forwards: PortForward[];
    files: SavedFile[];
    now: number;
  },
>(c: T, change: Change): T {
  switch (change.op) {
    case 'putPod': {
      const key = objectKey(change.pod);
      return { ...c, pods: [...c.pods.filter((p) => objectKey(p) !== key), change.pod] };
    }
    case 'deletePod':
      return {
        ...c,
        pods: c.pods.filter(
          (p) => !(p.metadata.namespace === change.namespace && p.metadata.name === change.name),
        ),
      };
    case 'putNode':
      return {
        ...c,
        nodes: [...c.nodes.filter((n) => n.metadata.name !== change.node.metadata.name), change.node],
      };
    case 'putNamespace':
      return {
        ...c,
        namespaces: [
          ...c.namespaces.filter((n) => n.metadata.name !== change.namespace.metadata.name),
          change.namespace,
        ],
      };
    case 'deleteNamespace':
      // As the store does: a namespace takes its pods and services with it.
      return {
        ...c,
        namespaces: c.namespaces.filter((n) => n.metadata.name !== change.name),
        pods: c.pods.filter((p) => p.metadata.namespace !== change.name),
        services: c.services.filter((s) => s.metadata.namespace !== change.name),
      };
    case 'putService': {
      const key = objectKey(change.service);
      return { ...c, services: [...c.services.filter((s) => objectKey(s) !== key), change.service] };
    }
    case 'deleteService':
      return {
        ...c,
        services: c.services.filter(
          (s) => !(s.metadata.namespace === change.namespace && s.metadata.name === change.name),
        ),
      };
    case 'putForward':
      return {
        ...c,
        forwards: [...c.forwards.filter((f) => f.localPort !== change.forward.localPort), change.forward],
      };
    case 'deleteForward':
      return { ...c, forwards: c.forwards.filter((f) => f.localPort !== change.localPort) };
    case 'putFile':
      return { ...c, files: [...c.files.filter((f) => f.name !== change.file.name), change.file] };
    case 'deleteFile':
      return { ...c, files: c.files.filter((f) => f.name !== change.name) };
    case 'advanceClock':
      return { ...c, now: c.now + change.ms };
  }
}

const objectKey = (o: Pod | Service) => `${o.metadata.namespace}/${o.metadata.name}`;
