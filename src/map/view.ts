import { explainSelector, type Selector } from '../cluster/labels/selector.ts';
import { type PodPhase, podStatus, statusColumn } from '../cluster/lifecycle.ts';
import type { Cluster, Node, Pod } from '../cluster/model.ts';
import { place } from '../cluster/scheduler.ts';
import { STYLE } from './style.ts';

/**
 * What the map shows, read from a loaded sandbox and nothing else: a pure, language-neutral view
 * (the words are chosen when it is drawn). The same view feeds the picture and the text tree.
 */
export interface MapOptions {
  /** One namespace, or every namespace (`-A`). */
  namespace: string | null;
  selector: { text: string; parsed: Selector } | null;
}

export interface NodeView {
  name: string;
  controlPlane: boolean;
  ip: string;
  cidr: string;
  /** Labels a member set or would look for; the kubeadm defaults are only counted. */
  labels: string[];
  standardLabels: number;
  taints: string[];
}

export interface ContainerView {
  name: string;
  image: string;
  ports: number[];
}

/**
 * Why a pod is not running on a node: its nodeSelector matches none, or the scheduler's own
 * message; or, for one its creator bound (spec.nodeName), that the node does not exist or that
 * the node's kubelet refused it (the pod is on that node, Failed).
 */
export type PendingReason =
  | { kind: 'selector'; selector: string }
  | { kind: 'scheduler'; message: string }
  | { kind: 'noSuchNode'; node: string }
  | { kind: 'rejected'; node: string; selector: string }
  | { kind: 'rejectedResource'; node: string; resource: string };

type PendingKey =
  | 'map.pendingSelector'
  | 'map.pendingNoSuchNode'
  | 'map.rejectedSelector'
  | 'map.rejectedResource';

/** The pending reason as one line in the member's language (`say` is the catalogue's). */
export function pendingText(
  pending: PendingReason,
  say: (key: PendingKey, params: Record<string, string>) => string,
): string {
  if (pending.kind === 'selector') return say('map.pendingSelector', { selector: pending.selector });
  if (pending.kind === 'noSuchNode') return say('map.pendingNoSuchNode', { node: pending.node });
  if (pending.kind === 'rejected')
    return say('map.rejectedSelector', { node: pending.node, selector: pending.selector });
  if (pending.kind === 'rejectedResource')
    return say('map.rejectedResource', { node: pending.node, resource: pending.resource });
  return pending.message;
}

/** How a pod fares against `-l`: the first requirement it fails, and what it has for that key. */
export type SelectorVerdict =
  | { kind: 'none' }
  | { kind: 'match' }
  | { kind: 'miss'; requirement: string; has: string | null; key: string };

export interface PodView {
  namespace: string;
  name: string;
  ip: string | null;
  phase: PodPhase;
  /** kubectl's STATUS column (Running, ContainerCreating, CrashLoopBackOff, …). */
  status: string;
  ready: string;
  labels: string[];
  containers: ContainerView[];
  node: string | null;
  pending: PendingReason | null;
  verdict: SelectorVerdict;
}

export interface ForwardView {
  localPort: number;
  namespace: string;
  pod: string;
  podPort: number;
}

export interface RequestView {
  from: string;
  /** The calling pod, when the address is a pod's (else a node or the member's machine). */
  fromPod: { namespace: string; name: string } | null;
  to: { namespace: string; name: string };
  port: number;
  at: number;
}

export interface MapView {
  namespace: string | null;
  selector: string | null;
  nodes: NodeView[];
  pods: PodView[];
  forwards: ForwardView[];
  requests: RequestView[];
}

const STANDARD_LABEL =
  /^(kubernetes\.io|beta\.kubernetes\.io|node\.kubernetes\.io|node-role\.kubernetes\.io)\//;
const labelText = ([key, value]: [string, string]) => (value === '' ? key : `${key}=${value}`);

export function mapView(cluster: Cluster, options: MapOptions): MapView {
  const shown = cluster.pods
    .filter((p) => options.namespace === null || p.metadata.namespace === options.namespace)
    .sort(
      (a, b) =>
        a.metadata.namespace.localeCompare(b.metadata.namespace) ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  const pods = shown.map((pod) => podView(pod, cluster, options));
  const byIP = new Map(
    cluster.pods
      .filter((p) => p.sim.podIP !== undefined && p.spec.hostNetwork !== true)
      .map((p) => [p.sim.podIP, p]),
  );
  return {
    namespace: options.namespace,
    selector: options.selector?.text ?? null,
    nodes: cluster.nodes
      .map(nodeView)
      .sort((a, b) => Number(b.controlPlane) - Number(a.controlPlane) || a.name.localeCompare(b.name)),
    pods,
    forwards: cluster.forwards
      .filter((f) => options.namespace === null || f.namespace === options.namespace)
      .map((f) => ({ localPort: f.localPort, namespace: f.namespace, pod: f.pod, podPort: f.podPort })),
    requests: recentRequests(shown, byIP, cluster.now),
  };
}

function nodeView(node: Node): NodeView {
  const labels = Object.entries(node.metadata.labels).sort(([a], [b]) => a.localeCompare(b));
  return {
    name: node.metadata.name,
    controlPlane: 'node-role.kubernetes.io/control-plane' in node.metadata.labels,
    ip: node.status.internalIP,
    cidr: node.spec.podCIDR,
    labels: labels.filter(([key]) => !STANDARD_LABEL.test(key)).map(labelText),
    standardLabels: labels.filter(([key]) => STANDARD_LABEL.test(key)).length,
    taints: node.spec.taints.map((t) => `${t.key}${t.value === undefined ? '' : `=${t.value}`}:${t.effect}`),
  };
}

function podView(pod: Pod, cluster: Cluster, options: MapOptions): PodView {
  const status = podStatus(pod, cluster.now);
  const nodeName = pod.spec.nodeName;
  const onNode = nodeName !== undefined && cluster.nodes.some((n) => n.metadata.name === nodeName);
  return {
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    ip: status.scheduled ? (pod.sim.podIP ?? null) : null,
    phase: status.phase,
    status: statusColumn(status),
    ready: `${status.containers.filter((c) => c.ready).length}/${pod.spec.containers.length}`,
    labels: Object.entries(pod.metadata.labels)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(labelText),
    containers: pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      ports: c.ports.map((p) => p.containerPort),
    })),
    node: onNode ? (pod.spec.nodeName ?? null) : null,
    pending: onNode ? rejection(pod) : pendingReason(pod, cluster),
    verdict: options.selector === null ? { kind: 'none' } : verdict(options.selector.parsed, pod),
  };
}

/** Refused by the kubelet of the node it is bound to: for too little cpu or memory, or its selector. */
function rejection(pod: Pod): PendingReason | null {
  const { rejected } = pod.sim;
  const node = pod.spec.nodeName;
  if (rejected === undefined || node === undefined) return null;
  if (rejected.reason.startsWith('OutOf'))
    return { kind: 'rejectedResource', node, resource: rejected.reason.slice('OutOf'.length) };
  return { kind: 'rejected', node, selector: selectorText(pod) };
}

const selectorText = (pod: Pod): string =>
  Object.entries(pod.spec.nodeSelector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

function pendingReason(pod: Pod, cluster: Cluster): PendingReason {
  if (pod.spec.nodeName !== undefined) return { kind: 'noSuchNode', node: pod.spec.nodeName };
  const wanted = Object.entries(pod.spec.nodeSelector);
  const fits = (node: Node) => wanted.every(([key, value]) => node.metadata.labels[key] === value);
  if (wanted.length > 0 && !cluster.nodes.some(fits))
    return { kind: 'selector', selector: selectorText(pod) };
  const placement = place(pod, cluster);
  return { kind: 'scheduler', message: placement.ok ? 'waiting for the scheduler' : placement.message };
}

/** The first failing requirement, as practice feedback explains it (`explainSelector`). */
function verdict(selector: Selector, pod: Pod): SelectorVerdict {
  const failing = explainSelector(selector, pod.metadata.labels).find((e) => !e.matches);
  if (failing === undefined) return { kind: 'match' };
  const { key, operator } = failing.requirement;
  const bare = operator === 'Exists' || operator === 'DoesNotExist';
  const has = failing.labelValue === undefined ? null : bare ? key : `${key}=${failing.labelValue}`;
  return { kind: 'miss', requirement: failing.text, has, key };
}

/** The newest distinct (caller, pod, port) requests in the recent window, newest first. */
function recentRequests(
  pods: readonly Pod[],
  byIP: Map<string | undefined, Pod>,
  now: number,
): RequestView[] {
  const seen = new Set<string>();
  const all = pods
    .flatMap((pod) =>
      pod.sim.requests
        .filter((r) => now - r.at <= STYLE.recentRequestMs)
        .map((r) => {
          // Servers log an IPv4 caller as IPv4-mapped IPv6 (::ffff:10.244.1.3); the map shows the pod IP.
          const from = r.from.replace(/^::ffff:/, '');
          const caller = byIP.get(from);
          return {
            from,
            fromPod:
              caller === undefined
                ? null
                : { namespace: caller.metadata.namespace, name: caller.metadata.name },
            to: { namespace: pod.metadata.namespace, name: pod.metadata.name },
            port: r.port,
            at: r.at,
          };
        }),
    )
    .sort((a, b) => b.at - a.at || a.from.localeCompare(b.from));
  return all.filter((r) => {
    const key = `${r.from}>${r.to.namespace}/${r.to.name}:${r.port}`;
    return !seen.has(key) && seen.add(key);
  });
}
