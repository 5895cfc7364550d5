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

interface Lists {
  pods: Pod[];
  services: Service[];
  nodes: Node[];
  namespaces: Namespace[];
  forwards: PortForward[];
  files: SavedFile[];
}

/**
 * Applies changes to an in-memory cluster, so a handler's later steps (and tests) see its writes.
 * The cluster given is never changed: each list a change touches is copied once, and the copy
 * changed in place (a put removes the object's old version and appends the new one).
 */
export function applyToCluster<T extends Lists & { now: number }>(cluster: T, changes: readonly Change[]): T {
  // Object.assign, not `{ ...cluster }`: the build compiles a spread to a helper that walks
  // property descriptors (scripts/build-options.ts), and every write comes through here.
  const next: T = Object.assign({}, cluster);
  const copied = new Set<keyof Lists>();
  const own = <K extends keyof Lists>(name: K): Lists[K] => {
    if (!copied.has(name)) {
      copied.add(name);
      (next as Lists)[name] = next[name].slice() as Lists[K];
    }
    return next[name];
  };
  for (const change of changes) applyOne(next, change, own);
  return next;
}

const sameObject = (namespace: string, name: string) => (o: Pod | Service) =>
  o.metadata.namespace === namespace && o.metadata.name === name;

/** Replaces the item's old version (every item that matches), in place: the new one goes last. */
function put<X>(xs: X[], matches: (x: X) => boolean, x: X): void {
  removeWhere(xs, matches);
  xs.push(x);
}

/** Removes every item that matches, in place. */
function removeWhere<X>(xs: X[], matches: (x: X) => boolean): void {
  for (let i = xs.length - 1; i >= 0; i--) if (matches(xs[i] as X)) xs.splice(i, 1);
}

function applyOne(
  c: Lists & { now: number },
  change: Change,
  own: <K extends keyof Lists>(name: K) => Lists[K],
): void {
  switch (change.op) {
    case 'putPod':
      put(own('pods'), sameObject(change.pod.metadata.namespace, change.pod.metadata.name), change.pod);
      return;
    case 'deletePod':
      removeWhere(own('pods'), sameObject(change.namespace, change.name));
      return;
    case 'putNode':
      put(own('nodes'), (n) => n.metadata.name === change.node.metadata.name, change.node);
      return;
    case 'putNamespace':
      put(own('namespaces'), (n) => n.metadata.name === change.namespace.metadata.name, change.namespace);
      return;
    case 'deleteNamespace':
      // As the store does: a namespace takes its pods and services with it.
      removeWhere(own('namespaces'), (n) => n.metadata.name === change.name);
      removeWhere(own('pods'), (p) => p.metadata.namespace === change.name);
      removeWhere(own('services'), (s) => s.metadata.namespace === change.name);
      return;
    case 'putService':
      put(
        own('services'),
        sameObject(change.service.metadata.namespace, change.service.metadata.name),
        change.service,
      );
      return;
    case 'deleteService':
      removeWhere(own('services'), sameObject(change.namespace, change.name));
      return;
    case 'putForward':
      put(own('forwards'), (f) => f.localPort === change.forward.localPort, change.forward);
      return;
    case 'deleteForward':
      removeWhere(own('forwards'), (f) => f.localPort === change.localPort);
      return;
    case 'putFile':
      put(own('files'), (f) => f.name === change.file.name, change.file);
      return;
    case 'deleteFile':
      removeWhere(own('files'), (f) => f.name === change.name);
      return;
    case 'advanceClock':
      c.now += change.ms;
      return;
  }
}
