import { KeptBuckets } from '../kept-buckets.ts';
import { deepFreeze, FREEZE_CACHED } from './freeze.ts';
import { imageID, qualifiedImage, sha256 } from './images.ts';
import {
  type ContainerState,
  type ContainerStatus,
  exitOfRun,
  type PodStatus,
  podStatus,
  readyChangedAt,
  type Terminated,
} from './lifecycle.ts';
import type { Cluster, Container, Namespace, Node, ObjectMeta, Pod, Rejection, Service } from './model.ts';
import { namespaceConditions } from './namespace-deletion.ts';
import { containerResources, isRecord, qosClass } from './quantity.ts';
import { unschedulableMessage } from './scheduler.ts';
import { iso } from './seed.ts';
import { deletionMetadata } from './terminating.ts';

/**
 * An object as the API server returns it (`-o yaml|json`): metadata without empty maps, the spec
 * with the server's defaults and admission additions (the service-account token volume, the two
 * 300 s tolerations), and the status derived from the sandbox clock. The simulator's own `sim`
 * bookkeeping never appears. Key order does not matter here: the printers sort.
 */
type Json = Record<string, unknown>;

export function apiObject(
  object: Pod | Node | Namespace | Service,
  cluster: Pick<Cluster, 'now' | 'nodes' | 'pods'>,
): Json {
  if (object.kind === 'Pod') return podObject(object, cluster);
  if (object.kind === 'Node') return nodeObject(object, cluster.now);
  if (object.kind === 'Service') return serviceObject(object);
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: metadataOf(object.metadata),
    spec: { finalizers: ['kubernetes'] },
    status: namespaceStatus(object, cluster),
  };
}

/** A namespace's phase, and the deletion conditions once the controller has taken it up. */
function namespaceStatus(namespace: Namespace, cluster: Pick<Cluster, 'now' | 'pods'>): Json {
  const conditions = namespaceConditions(namespace, cluster.pods, cluster.now);
  return conditions.length === 0
    ? { phase: namespace.status.phase }
    : { conditions, phase: namespace.status.phase };
}

/** A ClusterIP Service with the server's defaults (single-stack IPv4, Cluster traffic policy). */
function serviceObject(service: Service): Json {
  const { spec } = service;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadataOf(service.metadata),
    spec: {
      clusterIP: spec.clusterIP,
      clusterIPs: [spec.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: spec.ports,
      ...(Object.keys(spec.selector).length > 0 ? { selector: spec.selector } : {}),
      sessionAffinity: spec.sessionAffinity,
      type: spec.type,
    },
    status: { loadBalancer: {} },
  };
}

export function metadataOf(meta: ObjectMeta & { namespace?: string }): Json {
  // Built key by key in the spread's order: on Node 20 `{ ...rest, more }` costs microseconds.
  // for-in, not Object.keys: no array per object (a metadata object has no inherited keys).
  const out: Json = {};
  for (const key in meta)
    if (key !== 'labels' && key !== 'annotations') out[key] = meta[key as keyof typeof meta];
  if (hasKeys(meta.labels)) out.labels = meta.labels;
  if (hasKeys(meta.annotations)) out.annotations = meta.annotations;
  return out;
}

function hasKeys(map: object): boolean {
  for (const _ in map) return true;
  return false;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

/**
 * Who made a seeded system pod: the kubelet for the static control-plane pods (owner: the Node),
 * a DaemonSet for kube-proxy and flannel, a ReplicaSet for CoreDNS. Members' pods are bare.
 */
export function podOwner(pod: Pod, cluster: Pick<Cluster, 'nodes'>): OwnerReference | undefined {
  if (pod.metadata.namespace !== 'kube-system') return undefined;
  const labels = pod.metadata.labels;
  const owned = (apiVersion: string, kind: string, name: string, uid?: string) => ({
    apiVersion,
    kind,
    name,
    uid: uid ?? uuidOf(sha256(`owner:${kind}/${name}`)),
  });
  if (labels.tier === 'control-plane' && pod.spec.nodeName !== undefined) {
    const node = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
    return owned('v1', 'Node', pod.spec.nodeName, node?.metadata.uid);
  }
  if (labels['k8s-app'] === 'kube-proxy') return owned('apps/v1', 'DaemonSet', 'kube-proxy');
  if (labels.app === 'flannel') return owned('apps/v1', 'DaemonSet', 'kube-flannel-ds');
  if (labels['k8s-app'] === 'kube-dns')
    return owned('apps/v1', 'ReplicaSet', pod.metadata.name.replace(/-[^-]+$/, ''));
  return undefined;
}

/**
 * metadata.generation (v1.34: pod generation tracking, beta and on): 1 at creation, one more for
 * each spec change and for the first graceful deletion (rest.BeforeDelete bumps it).
 */
export function podGeneration(pod: Pod): number {
  return (pod.sim.generation ?? 1) + (pod.sim.deletion === undefined ? 0 : 1);
}

function podMetadata(pod: Pod, cluster: Pick<Cluster, 'nodes'>): Json {
  const owner = podOwner(pod, cluster);
  const meta = metadataOf(pod.metadata);
  meta.generation = podGeneration(pod);
  if (pod.sim.deletion !== undefined) Object.assign(meta, deletionMetadata(pod));
  if (owner === undefined) return meta;
  const controller =
    owner.kind === 'Node' ? { controller: true } : { blockOwnerDeletion: true, controller: true };
  if (owner.kind !== 'Node') meta.generateName = pod.metadata.name.replace(/[^-]+$/, '');
  meta.ownerReferences = [{ ...owner, ...controller }];
  return meta;
}

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * A static pod's mirror (the kubelet's copy of a manifest file in /etc/kubernetes/manifests):
 * made by the kubelet, not through admission, so it has no service account and no token volume.
 */
export const isStaticPod = (pod: Pod): boolean =>
  pod.metadata.namespace === 'kube-system' &&
  pod.metadata.annotations['kubernetes.io/config.mirror'] !== undefined;

/** Whether the ServiceAccount admission plugin gave the pod its token volume. */
export const hasTokenVolume = (pod: Pod): boolean => !isStaticPod(pod);
export const tokenVolumeName = (pod: Pod): string => `kube-api-access-${pod.sim.tokenSuffix}`;

/** The defaults and admission plugins' additions, shared with `describe`. */
export function podPriority(pod: Pod): { priority: number; priorityClassName?: string } {
  if (pod.metadata.namespace !== 'kube-system') return { priority: 0 };
  return pod.metadata.labels['k8s-app'] === 'kube-dns'
    ? { priority: 2_000_000_000, priorityClassName: 'system-cluster-critical' }
    : { priority: 2_000_001_000, priorityClassName: 'system-node-critical' };
}

export const DEFAULT_TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
] as const;

/**
 * A pod's object depends only on the pod, its status (the same object until it can next change)
 * and the cluster's nodes (owner, scheduling message) and, for a pod not yet scheduled, its pods
 * (the scheduler's message weighs them): while those are the same, so is the object, kept as it is
 * (the printers then need not write it again). A bounded number are kept. A bound pod's object
 * outlives writes to other pods (each write makes a new list of pods).
 */
const podObjects = new Map<Pod, { status: PodStatus; nodes: unknown; pods: unknown; json: Json }>();
const POD_OBJECTS_KEPT = 4096;

function podObject(pod: Pod, cluster: Pick<Cluster, 'now' | 'nodes' | 'pods'>): Json {
  const status = podStatus(pod, cluster.now);
  const known = podObjects.get(pod);
  const readsPods = !status.scheduled || status.startTime === undefined;
  if (
    known?.status === status &&
    known.nodes === cluster.nodes &&
    (!readsPods || known.pods === cluster.pods)
  )
    return known.json;
  const json = podObjectOf(pod, status, cluster);
  if (FREEZE_CACHED) deepFreeze(json);
  keptObjects.add(json);
  if (podObjects.size >= POD_OBJECTS_KEPT) podObjects.delete(podObjects.keys().next().value as Pod);
  podObjects.set(pod, { status, nodes: cluster.nodes, pods: cluster.pods, json });
  return json;
}

/**
 * The pod objects kept above: the printers keep their text with them. Kept, they are never
 * changed; under the tests they are frozen through as well (freezing one costs 8 µs, a walk of
 * its hundred objects, which a command that prints it would pay every time the pod changed).
 */
const keptObjects = new WeakSet<object>();

/** Whether `object` is a kept pod object (one that stays as it is while it is kept). */
export const isKeptObject = (object: object): boolean => keptObjects.has(object);

/** The pod's object built afresh, nothing kept (what the kept object must always equal). */
export function builtPodObject(pod: Pod, cluster: Pick<Cluster, 'now' | 'nodes' | 'pods'>): Json {
  const status = podStatus(pod, cluster.now);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: podMetadata(pod, cluster),
    spec: podSpecObject(pod),
    status: podStatusObject(pod, status, cluster),
  };
}

function podObjectOf(pod: Pod, status: PodStatus, cluster: Pick<Cluster, 'nodes' | 'pods'>): Json {
  const parts = keptParts(pod);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: podMetadata(pod, cluster),
    spec: parts.spec,
    status: keptStatus(pod, status, cluster, parts),
  };
}

/**
 * A label or an annotation makes a new Pod with the same spec and sim, and the pod's status is
 * derived again for the new object: its spec's and status's objects are kept across such writes,
 * by what they are made of, so that only the metadata is built and printed again (the printers
 * keep the text of a kept part: `isKeptPart`). The spec's object reads the pod's spec, its sim
 * (the token volume's name), its namespace and, in kube-system only, its labels and annotations
 * (priority, a static pod's lack of a token volume, the system pods' resources); the status's
 * object reads those, the pod's uid and creation time, the derived status (compared by value)
 * and, for a pod not yet bound, the nodes and pods (the scheduler's message).
 */
interface KeptParts {
  sim: Pod['sim'];
  namespace: string;
  systemMeta: Pod['metadata'] | undefined;
  uid: string;
  created: string;
  spec: Json;
  status?: { of: PodStatus; nodes: unknown; pods: unknown; json: Json };
}

const partsBySpec = new WeakMap<Pod['spec'], KeptParts>();
const keptPartObjects = new WeakSet<object>();

/** Whether `object` is a kept spec or status of a pod: never changed, shared by the pod's versions. */
export const isKeptPart = (object: object): boolean => keptPartObjects.has(object);

function keptParts(pod: Pod): KeptParts {
  const { metadata } = pod;
  const systemMeta = metadata.namespace === 'kube-system' ? metadata : undefined;
  const known = partsBySpec.get(pod.spec);
  if (
    known !== undefined &&
    known.sim === pod.sim &&
    known.namespace === metadata.namespace &&
    known.systemMeta === systemMeta &&
    known.uid === metadata.uid &&
    known.created === metadata.creationTimestamp
  )
    return known;
  const parts: KeptParts = {
    sim: pod.sim,
    namespace: metadata.namespace,
    systemMeta,
    uid: metadata.uid,
    created: metadata.creationTimestamp,
    spec: keptPart(podSpecObject(pod)),
  };
  partsBySpec.set(pod.spec, parts);
  return parts;
}

function keptStatus(
  pod: Pod,
  status: PodStatus,
  cluster: Pick<Cluster, 'nodes' | 'pods'>,
  parts: KeptParts,
): Json {
  const known = parts.status;
  const bound = status.scheduled && status.startTime !== undefined;
  if (
    known !== undefined &&
    (bound || (known.nodes === cluster.nodes && known.pods === cluster.pods)) &&
    (known.of === status || sameData(known.of, status))
  ) {
    known.of = status;
    return known.json;
  }
  const json = podStatusObject(pod, status, cluster, sharedConditionsObject);
  if (known !== undefined) sharedParts(known.json, json, SHARED_DEPTH);
  keptPart(json);
  parts.status = { of: status, nodes: cluster.nodes, pods: cluster.pods, json };
  return json;
}

/**
 * A status that changed (a crash-looping container restarted) mostly says what it said: each map
 * or list in it equal to the one at the same place in the last status is that one (kept, with its
 * text), down to a container's state and mounts; the others become kept parts for the next time.
 * A pod's first status keeps only itself: most pods' status never changes once they run, and
 * keeping its fifteen-odd maps and lists (a weak-set entry each, then a kept text each when
 * printed) took 4 µs of a first `get po NAME -o yaml`'s 15 µs building the object.
 */
const SHARED_DEPTH = 3;

function sharedParts(previous: unknown, next: Json | unknown[], depth: number): void {
  const before = isRecord(previous) || Array.isArray(previous) ? (previous as Json) : undefined;
  const into = next as Json;
  for (const key of Object.keys(next)) {
    const child = into[key];
    // A part already kept (shared with other pods) is never changed, and is kept as it is.
    if (child === null || typeof child !== 'object' || keptPartObjects.has(child)) continue;
    const old = before?.[key];
    if (typeof old === 'object' && old !== null && keptPartObjects.has(old) && sameData(old, child)) {
      into[key] = old;
      continue;
    }
    if (depth > 1) sharedParts(old, child as Json | unknown[], depth - 1);
    keptPartObjects.add(child);
  }
}

function keptPart(json: Json): Json {
  if (FREEZE_CACHED) deepFreeze(json);
  keptPartObjects.add(json);
  return json;
}

/**
 * Parts every pod's object has alike: one frozen object each, kept as a part, so a pod's first
 * `-o yaml` neither builds them (seventeen objects) nor writes them (their text is kept by
 * indent, as a kept part's: 21 of a pod's 125 lines).
 */
function sharedPart<T extends object>(json: T): T {
  deepFreeze(json);
  keptPartObjects.add(json);
  return json;
}

/** The projection of the ServiceAccount admission plugin's token volume. */
const TOKEN_PROJECTION = sharedPart({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    {
      downwardAPI: {
        items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
      },
    },
  ],
});

/** The tolerations of a pod whose manifest has none of its own: DefaultTolerationSeconds' two. */
const DEFAULT_TOLERATIONS_ALONE: readonly Json[] = sharedPart(
  DEFAULT_TOLERATIONS.map((t) => Object.assign({}, t)),
);

function specTolerations(pod: Pod): readonly Json[] {
  return pod.spec.extra?.tolerations === undefined ? DEFAULT_TOLERATIONS_ALONE : podTolerations(pod);
}

/** Equality of plain data (what a derived status is made of): the same keys, values alike. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(y, key) || !sameData(x[key], y[key])) return false;
    count++;
  }
  for (const _ in y) count--;
  return count === 0;
}

function podSpecObject(pod: Pod): Json {
  const { spec } = pod;
  // Key by key in kubectl's order (the build turns each `...` into helper calls, and a pod's
  // object is made for every -o yaml of a changed pod); the manifest's own fields as a spread
  // would put them.
  const out: Json = {
    containers: spec.containers.map((c, i) => containerSpec(c, pod, i)),
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
  };
  if (spec.hostNetwork === true) out.hostNetwork = true;
  if (spec.nodeName !== undefined) out.nodeName = spec.nodeName;
  if (hasKeys(spec.nodeSelector)) out.nodeSelector = spec.nodeSelector;
  out.preemptionPolicy = 'PreemptLowerPriority';
  const { priority, priorityClassName } = podPriority(pod);
  out.priority = priority;
  if (priorityClassName !== undefined) out.priorityClassName = priorityClassName;
  out.restartPolicy = spec.restartPolicy;
  out.schedulerName = 'default-scheduler';
  out.securityContext = {};
  if (hasTokenVolume(pod)) {
    out.serviceAccount = 'default';
    out.serviceAccountName = 'default';
  }
  out.terminationGracePeriodSeconds = 30;
  defineAllBut(out, spec.extra, SPEC_AFTER);
  // Assigned: the manifest's own fields but these are defined above, and no prototype has a
  // setter for them (defineData's descriptor and call took a microsecond a pod on a first print).
  out.tolerations = specTolerations(pod);
  const volumes = userVolumes(pod);
  if (hasTokenVolume(pod)) volumes.push({ name: tokenVolumeName(pod), projected: TOKEN_PROJECTION });
  out.volumes = volumes;
  return out;
}

/** The fields set after a spec's or a container's manifest fields, and not from them. */
const SPEC_AFTER = ['volumes', 'tolerations'] as const;
const CONTAINER_AFTER = ['volumeMounts', 'resources'] as const;

/**
 * What `{ ...target, ...rest }` does with `rest` the source's own fields but `skip`: each defined as
 * data, in place if there. Not an object rest: the build compiles that to a helper that assigns
 * (a manifest's `__proto__` field would set a prototype) and walks descriptors.
 */
function defineAllBut(
  target: Json,
  source: Record<string, unknown> | undefined,
  skip: readonly string[],
): void {
  if (source === undefined) return;
  for (const key of Object.keys(source)) if (!skip.includes(key)) defineData(target, key, source[key]);
}

/** A spread's CreateDataProperty: a manifest's `__proto__` field stays a field. */
function defineData(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** The manifest's volumes, with the server's defaults (configMap/secret defaultMode, hostPath type). */
export function userVolumes(pod: Pod): Json[] {
  return records(pod.spec.extra?.volumes).map((v) => {
    if (isRecord(v.configMap)) return { ...v, configMap: { defaultMode: 420, ...v.configMap } };
    if (isRecord(v.secret)) return { ...v, secret: { defaultMode: 420, ...v.secret } };
    if (isRecord(v.hostPath)) return { ...v, hostPath: { type: '', ...v.hostPath } };
    return v;
  });
}

/** The manifest's mounts, then the one the ServiceAccount admission plugin appends. */
export function containerMounts(pod: Pod, c: Container): Json[] {
  const own = records(c.extra?.volumeMounts);
  if (!hasTokenVolume(pod)) return own;
  return [...own, { mountPath: TOKEN_MOUNT_PATH, name: tokenVolumeName(pod), readOnly: true }];
}

/** The manifest's tolerations, then DefaultTolerationSeconds' two unless already tolerated. */
export function podTolerations(pod: Pod): Json[] {
  const own = records(pod.spec.extra?.tolerations);
  const covers = (key: string) =>
    own.some(
      (t) =>
        (t.key === key || (t.key ?? '') === '') &&
        (t.effect ?? 'NoExecute') === 'NoExecute' &&
        (t.operator === 'Exists' || t.key === key),
    );
  // Object.assign, not `{ ...t }` (the build compiles a spread to a descriptor-walking helper).
  return [...own, ...DEFAULT_TOLERATIONS.filter((t) => !covers(t.key)).map((t) => Object.assign({}, t))];
}

function containerSpec(c: Container, pod: Pod, index: number): Json {
  const { requests, limits } = containerResources(pod, index);
  const out: Json = {};
  if (c.args !== undefined) out.args = c.args;
  if (c.command !== undefined) out.command = c.command;
  if (c.env.length > 0) out.env = c.env.map((e) => ({ name: e.name, value: e.value }));
  out.image = c.image;
  out.imagePullPolicy = c.imagePullPolicy;
  out.name = c.name;
  if (c.ports.length > 0) out.ports = c.ports.map((p) => ({ ...p }));
  const resources: Json = {};
  if (hasKeys(limits)) resources.limits = limits;
  if (hasKeys(requests)) resources.requests = requests;
  out.resources = resources;
  out.terminationMessagePath = '/dev/termination-log';
  out.terminationMessagePolicy = 'File';
  defineAllBut(out, c.extra, CONTAINER_AFTER);
  out.volumeMounts = containerMounts(pod, c);
  return out;
}

export interface Condition {
  type: 'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled';
  status: 'True' | 'False';
  at: number;
  reason?: string;
  message?: string;
}

/** The kubelet's and scheduler's conditions, in the order the API lists them. */
export function podConditions(
  pod: Pod,
  status: PodStatus,
  cluster: Pick<Cluster, 'nodes' | 'pods'>,
): Condition[] {
  // Refused by its kubelet, which wrote no condition (rejectPod), and never seen by the scheduler.
  if (pod.sim.rejected !== undefined) return [];
  if (!status.scheduled || status.startTime === undefined) {
    // Bound by its creator to a node that does not exist: nothing ever writes its status.
    if (pod.sim.collectedAt !== undefined) return [];
    const created = Date.parse(pod.metadata.creationTimestamp);
    const message = unschedulableMessage(pod, cluster);
    return [{ type: 'PodScheduled', status: 'False', at: created, reason: 'Unschedulable', message }];
  }
  const bound = status.startTime;
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  let lastExit = bound;
  for (const c of status.containers)
    if (c.exited > 0) lastExit = Math.max(lastExit, exitOfRun(c, c.exited - 1));
  const sandboxUp = status.sandboxAt !== undefined && !terminal;
  const sandbox: Condition = terminal
    ? { type: 'PodReadyToStartContainers', status: 'False', at: lastExit }
    : {
        type: 'PodReadyToStartContainers',
        status: sandboxUp ? 'True' : 'False',
        at: status.sandboxAt ?? bound,
      };
  const unready = status.containers.filter((c) => !c.ready).map((c) => c.name);
  const ready: Omit<Condition, 'type'> =
    status.phase === 'Succeeded' || status.phase === 'Failed'
      ? { status: 'False', at: lastExit, reason: status.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' }
      : unready.length === 0
        ? { status: 'True', at: readyChangedAt(status.containers, bound) }
        : {
            status: 'False',
            at: readyChangedAt(status.containers, bound),
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${unready.join(' ')}]`,
          };
  // Key by key and Object.assign, not spreads: the build compiles those to descriptor-walking
  // helpers, and a pod's conditions are made again whenever its status changes.
  const initialized: Condition = { type: 'Initialized', status: 'True', at: bound };
  if (status.phase === 'Succeeded') initialized.reason = 'PodCompleted';
  return [
    sandbox,
    initialized,
    Object.assign({ type: 'Ready' as const }, ready),
    Object.assign({ type: 'ContainersReady' as const }, ready),
    { type: 'PodScheduled', status: 'True', at: bound },
  ];
}

export {
  containerResources,
  cpuText,
  memoryText,
  parseQuantity,
  qosClass,
  type Resources,
} from './quantity.ts';

/** containerd's id of a container instance (a new one for every restart). */
export const containerID = (pod: Pod, name: string, instance: number): string =>
  `containerd://${sha256(`${pod.metadata.uid}/${name}/${instance}`)}`;

type ConditionsObject = (conditions: readonly Condition[], observedGeneration: number) => Json[];

function conditionsObject(conditions: readonly Condition[], observedGeneration: number): Json[] {
  return conditions.map((c) => {
    const condition: Json = { lastProbeTime: null, lastTransitionTime: iso(c.at) };
    if (c.message !== undefined) condition.message = c.message;
    condition.observedGeneration = observedGeneration;
    if (c.reason !== undefined) condition.reason = c.reason;
    condition.status = c.status;
    condition.type = c.type;
    return condition;
  });
}

/**
 * Pods made together (a member's `run`s within a second, B1's hundred pods) have the same
 * conditions: one list for each, kept as a part, so a pod's first `-o yaml` neither builds its
 * five maps nor writes their 25 lines (their text is kept by indent): 3 µs of a running pod's
 * 45 µs printing it in B1's mix. A bounded number are kept, found by their first time and
 * compared field by field, from the second time they are seen (kept as a part, a list seen once
 * cost its print more than it saved). A list with a message (unready containers, a scheduling
 * failure) names the pod's own containers or nodes: looking for it cost a crash-looping pod's
 * first print 3 µs, and it is not looked for.
 */
interface KeptConditions {
  conditions: readonly Condition[];
  observedGeneration: number;
  /** Null while seen once. */
  list: Json[] | null;
}

const CONDITION_LISTS_KEPT = 1024;
const CONDITION_LISTS_PER_TIME = 8;
const conditionLists = new KeptBuckets<number, KeptConditions>(
  CONDITION_LISTS_KEPT,
  CONDITION_LISTS_PER_TIME,
);

function sharedConditionsObject(conditions: readonly Condition[], observedGeneration: number): Json[] {
  for (const c of conditions)
    if (c.message !== undefined) return conditionsObject(conditions, observedGeneration);
  const at = conditions[0]?.at ?? 0;
  const known = conditionLists.find(
    at,
    (k) => k.observedGeneration === observedGeneration && sameConditions(k.conditions, conditions),
  );
  if (known?.list !== undefined && known.list !== null) return known.list;
  const list = conditionsObject(conditions, observedGeneration);
  if (known === undefined) {
    conditionLists.add(at, { conditions, observedGeneration, list: null });
    return list;
  }
  if (FREEZE_CACHED) deepFreeze(list);
  keptPartObjects.add(list);
  known.list = list;
  return list;
}

function sameConditions(a: readonly Condition[], b: readonly Condition[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Condition;
    const y = b[i] as Condition;
    if (x.type !== y.type || x.status !== y.status || x.at !== y.at) return false;
    if (x.reason !== y.reason || x.message !== y.message) return false;
  }
  return true;
}

/**
 * The status the scheduler and the kubelet write. With generation tracking on, each writes the
 * generation it acted on into its conditions, and the kubelet into status.observedGeneration;
 * both act on a change within the second, so they carry the current generation.
 */
function podStatusObject(
  pod: Pod,
  status: PodStatus,
  cluster: Pick<Cluster, 'nodes' | 'pods'>,
  conditionsOf: ConditionsObject = conditionsObject,
): Json {
  const observedGeneration = podGeneration(pod);
  const conditions = conditionsOf(podConditions(pod, status, cluster), observedGeneration);
  if (!status.scheduled)
    return conditions.length === 0
      ? { phase: 'Pending', qosClass: qosClass(pod) }
      : { conditions, phase: 'Pending', qosClass: qosClass(pod) };
  if (status.rejected !== undefined)
    return rejectedStatusObject(status, status.rejected, observedGeneration, qosClass(pod));
  const hostIP = pod.sim.hostIP;
  const podIP = status.sandboxAt !== undefined ? pod.sim.podIP : undefined;
  // A loop, not flatMap (a generic builtin V8 does not inline, and an array per container).
  const containerStatuses: Json[] = [];
  for (let i = 0; i < status.containers.length; i++) {
    const c = status.containers[i] as ContainerStatus;
    const spec = pod.spec.containers[i];
    if (spec !== undefined) containerStatuses.push(containerStatusObject(pod, c, spec));
  }
  const out: Json = { conditions, containerStatuses };
  if (hostIP !== undefined) {
    out.hostIP = hostIP;
    out.hostIPs = [{ ip: hostIP }];
  }
  out.observedGeneration = observedGeneration;
  out.phase = status.phase;
  if (podIP !== undefined) {
    out.podIP = podIP;
    out.podIPs = [{ ip: podIP }];
  }
  out.qosClass = qosClass(pod);
  if (status.startTime !== undefined) out.startTime = iso(status.startTime);
  return out;
}

/** What kubelet.go rejectPod writes, with the status manager's observedGeneration and startTime. */
function rejectedStatusObject(
  status: PodStatus,
  { reason, message }: Rejection,
  observedGeneration: number,
  qosClass: string,
): Json {
  const out: Json = { message, observedGeneration, phase: status.phase, qosClass, reason };
  if (status.startTime !== undefined) out.startTime = iso(status.startTime);
  return out;
}

function containerStatusObject(pod: Pod, c: ContainerStatus, spec: Container): Json {
  const created = c.runs > 0;
  const instance = c.runs - 1;
  const id = containerID(pod, c.name, instance);
  // A terminated current state is the latest instance; otherwise the last exit is the previous one.
  const lastInstance = c.state.kind === 'terminated' ? instance - 1 : instance;
  // Key by key, in this order (a spread of `{ containerID }` first made every key after it slow).
  const out: Json = {};
  if (created) out.containerID = id;
  out.image = created ? statusImage(c.image) : c.image;
  out.imageID = created ? imageID(c.image) : '';
  out.lastState =
    c.lastState === undefined
      ? {}
      : { terminated: terminatedObject(c.lastState, containerID(pod, c.name, lastInstance)) };
  out.name = c.name;
  out.ready = c.ready;
  out.restartCount = c.restartCount;
  out.started = c.started;
  out.state = stateObject(c.state, id);
  if (created)
    out.volumeMounts = containerMounts(pod, spec).map((m) => {
      const mount: Json = { mountPath: m.mountPath, name: m.name };
      if (m.readOnly === true) {
        mount.readOnly = true;
        mount.recursiveReadOnly = 'Disabled';
      }
      return mount;
    });
  return out;
}

/**
 * A created container's image as its status shows it (qualifiedImage), kept by reference: parsing
 * it was 0.8 of the 12 µs of building a running pod's first object. A bounded number are kept.
 */
const statusImages = new Map<string, string>();
const STATUS_IMAGES_KEPT = 1024;

export function statusImage(image: string): string {
  let shown = statusImages.get(image);
  if (shown === undefined) {
    shown = qualifiedImage(image);
    if (statusImages.size >= STATUS_IMAGES_KEPT) statusImages.clear();
    statusImages.set(image, shown);
  }
  return shown;
}

function stateObject(state: ContainerState, id: string): Json {
  if (state.kind === 'running') return { running: { startedAt: iso(state.startedAt) } };
  if (state.kind === 'waiting') {
    const waiting: Json = {};
    if (state.message !== undefined) waiting.message = state.message;
    waiting.reason = state.reason;
    return { waiting };
  }
  return { terminated: terminatedObject(state, id) };
}

function terminatedObject(t: Terminated, id: string): Json {
  return {
    containerID: id,
    exitCode: t.exitCode,
    finishedAt: iso(t.finishedAt),
    reason: t.reason,
    startedAt: iso(t.startedAt),
  };
}

function nodeObject(node: Node, now: number): Json {
  const facts = nodeFacts(node, now);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: metadataOf(node.metadata),
    spec: {
      podCIDR: node.spec.podCIDR,
      podCIDRs: [node.spec.podCIDR],
      ...(node.spec.taints.length > 0
        ? {
            taints: node.spec.taints.map((t) => ({
              effect: t.effect,
              key: t.key,
              ...(t.value === undefined ? {} : { value: t.value }),
            })),
          }
        : {}),
      ...(node.spec.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        { address: node.status.internalIP, type: 'InternalIP' },
        { address: node.metadata.name, type: 'Hostname' },
      ],
      allocatable: facts.allocatable,
      capacity: facts.capacity,
      conditions: facts.conditions.map((c) => ({
        lastHeartbeatTime: iso(c.heartbeat),
        lastTransitionTime: iso(c.transition),
        message: c.message,
        reason: c.reason,
        status: c.status,
        type: c.type,
      })),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: node.status.architecture,
        bootID: facts.bootID,
        containerRuntimeVersion: node.status.containerRuntimeVersion,
        kernelVersion: node.status.kernelVersion,
        kubeProxyVersion: '',
        kubeletVersion: node.status.kubeletVersion,
        machineID: facts.machineID,
        operatingSystem: 'linux',
        osImage: node.status.osImage,
        systemUUID: facts.systemUUID,
      },
    },
  };
}

export interface NodeCondition {
  type: string;
  status: 'True' | 'False';
  heartbeat: number;
  transition: number;
  reason: string;
  message: string;
}

const STATUS_REPORT_MS = 5 * 60_000;
const uuidOf = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/**
 * What a kubeadm node with flannel reports about itself: 2 CPUs and 4 GiB, the kubelet's default
 * eviction threshold taken off allocatable (memory 100Mi, disk 10%), flannel's NetworkUnavailable
 * condition, and a status heartbeat every 5 minutes (the node lease carries the rest).
 */
export function nodeFacts(node: Node, now: number) {
  const born = Date.parse(node.metadata.creationTimestamp);
  const readyAt = born + 20_000;
  const heartbeat =
    now < readyAt ? born : readyAt + Math.floor((now - readyAt) / STATUS_REPORT_MS) * STATUS_REPORT_MS;
  const kubelet = (
    type: string,
    reason: string,
    message: string,
    status: 'True' | 'False',
    transition: number,
  ) => ({
    type,
    status,
    heartbeat,
    transition,
    reason,
    message,
  });
  const conditions: NodeCondition[] = [
    {
      type: 'NetworkUnavailable',
      status: 'False',
      heartbeat: born + 25_000,
      transition: born + 25_000,
      reason: 'FlannelIsUp',
      message: 'Flannel is running on this node',
    },
    kubelet(
      'MemoryPressure',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
      'False',
      born,
    ),
    kubelet('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', 'False', born),
    kubelet('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', 'False', born),
    kubelet('Ready', 'KubeletReady', 'kubelet is posting ready status', 'True', readyAt),
  ];
  const shared = { cpu: '2', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', pods: '110' };
  return {
    capacity: { ...shared, 'ephemeral-storage': '20134592Ki', memory: '4010040Ki' },
    allocatable: { ...shared, 'ephemeral-storage': '18556039957', memory: '3907640Ki' },
    conditions,
    machineID: sha256(`machine:${node.metadata.name}`).slice(0, 32),
    systemUUID: uuidOf(sha256(`system:${node.metadata.name}`)),
    bootID: uuidOf(sha256(`boot:${node.metadata.uid}`)),
    /** The node lease is renewed every 10 s. */
    leaseRenewed: now - ((now - born) % 10_000),
  };
}
