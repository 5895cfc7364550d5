import type { Namespace, Node, Pod, PortForward, SavedFile, Service } from './model.ts';
import { carryFirstGoneAt } from './terminating.ts';

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
  const pods: PodsTouched = { added: [], removed: [], other: false };
  for (const change of changes) applyOne(next, change, own, pods);
  if (copied.has('pods') && !pods.other) carryFirstGoneAt(cluster.pods, next.pods, pods.removed, pods.added);
  return next;
}

/** The pods a cluster's changes put and removed (`other`: some went otherwise, with a namespace). */
interface PodsTouched {
  added: Pod[];
  removed: Pod[];
  other: boolean;
}

/** Replaces the item's old version (every item that matches), in place: the new one goes last. */
function put<X>(xs: X[], matches: (x: X) => boolean, x: X): void {
  removeWhere(xs, matches);
  xs.push(x);
}

/**
 * Replaces a pod's or service's old version, in place: the new one goes last. Their lists hold
 * one object per namespace and name (the store's primary key, and every change comes through
 * here), so the search stops at the first found from the end, where the newest are: a write no
 * longer reads every pod of the sandbox.
 */
function putKeyed<X extends Pod | Service>(xs: X[], x: X): X | undefined {
  const old = removeKeyed(xs, x.metadata.namespace, x.metadata.name);
  xs.push(x);
  return old;
}

/** Removes the object of that namespace and name, if there is one, and returns it. */
function removeKeyed<X extends Pod | Service>(xs: X[], namespace: string, name: string): X | undefined {
  const at = lastIndexNamed(xs, namespace, name);
  return at === -1 ? undefined : xs.splice(at, 1)[0];
}

/**
 * Where the pod or service of that namespace and name is in its list (there is at most one), or
 * -1, looked for from the end: a write puts its object last, and the object just made or changed
 * is the one the next write or command names.
 */
export function lastIndexNamed(xs: readonly (Pod | Service)[], namespace: string, name: string): number {
  for (let i = xs.length - 1; i >= 0; i--) {
    const { metadata } = xs[i] as Pod | Service;
    if (metadata.name === name && metadata.namespace === namespace) return i;
  }
  return -1;
}

/** Removes every item that matches, in place. */
function removeWhere<X>(xs: X[], matches: (x: X) => boolean): void {
  for (let i = xs.length - 1; i >= 0; i--) if (matches(xs[i] as X)) xs.splice(i, 1);
}

function applyOne(
  c: Lists & { now: number },
  change: Change,
  own: <K extends keyof Lists>(name: K) => Lists[K],
  pods: PodsTouched,
): void {
  switch (change.op) {
    case 'putPod': {
      const old = putKeyed(own('pods'), change.pod);
      if (old !== undefined) pods.removed.push(old);
      pods.added.push(change.pod);
      return;
    }
    case 'deletePod': {
      const old = removeKeyed(own('pods'), change.namespace, change.name);
      if (old !== undefined) pods.removed.push(old);
      return;
    }
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
      pods.other = true;
      removeWhere(own('services'), (s) => s.metadata.namespace === change.name);
      return;
    case 'putService':
      putKeyed(own('services'), change.service);
      return;
    case 'deleteService':
      removeKeyed(own('services'), change.namespace, change.name);
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
