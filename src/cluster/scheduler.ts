import type { Change } from './changes.ts';
import type { Cluster, Node, Pod } from './model.ts';
import { NODE_ALLOCATABLE, podTotals } from './quantity.ts';

/**
 * The default scheduler, reduced to what the notes need: filter nodes in the scheduler's plugin
 * order (NodeUnschedulable, TaintToleration, NodeAffinity for `nodeSelector`, NodeResourcesFit
 * for cpu and memory requests against the node's allocatable), then spread: the
 * feasible node with the fewest pods wins, ties by name. An unschedulable pod stays Pending with
 * the FitError text kubectl shows in its FailedScheduling event.
 */
export type Placement = { ok: true; node: Node } | { ok: false; message: string };

const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
/** NodeAffinity's ErrReasonPod (the kubelet's admission says it too). */
export const REASON_SELECTOR = "node(s) didn't match Pod's node affinity/selector";

export function place(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods'>): Placement {
  const reasons = new Map<string, number>();
  const feasible: Node[] = [];
  let fitFailures = 0;
  for (const node of cluster.nodes) {
    const reason = filter(pod, node);
    const misfit = reason === null ? insufficient(pod, node, cluster.pods) : [];
    if (reason === null && misfit.length === 0) feasible.push(node);
    for (const r of reason === null ? misfit : [reason]) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    if (misfit.length > 0) fitFailures += 1;
  }
  if (cluster.nodes.length === 0) return { ok: false, message: 'no nodes available to schedule pods' };
  const chosen = feasible.sort(
    (a, b) => load(cluster.pods, a) - load(cluster.pods, b) || a.metadata.name.localeCompare(b.metadata.name),
  )[0];
  if (chosen === undefined)
    return { ok: false, message: fitError(cluster.nodes.length, reasons, fitFailures) };
  return { ok: true, node: chosen };
}

function filter(pod: Pod, node: Node): string | null {
  if (node.spec.unschedulable) return REASON_UNSCHEDULABLE;
  const taint = node.spec.taints.find((t) => t.effect !== 'PreferNoSchedule');
  if (taint !== undefined) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  return matchesSelector(pod, node) ? null : REASON_SELECTOR;
}

/** NodeAffinity's nodeSelector half: every label the pod asks for, with its value, on the node. */
export function matchesSelector(pod: Pod, node: Node): boolean {
  for (const [key, value] of Object.entries(pod.spec.nodeSelector)) {
    if (node.metadata.labels[key] !== value) return false;
  }
  return true;
}

/**
 * FitError.Error: the sorted reason histogram, then preemption's. A node refused for resources
 * could make room by preemption, but every sandbox pod has priority 0, so no victim is found; the
 * others (taint, selector, cordon) are unresolvable.
 */
function fitError(total: number, reasons: Map<string, number>, fitFailures: number): string {
  const histogram = (entries: [string, number][]) =>
    entries
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => `${count} ${reason}`)
      .sort()
      .join(', ');
  const preemption = histogram([
    ['Preemption is not helpful for scheduling', total - fitFailures],
    ['No preemption victims found for incoming pod', fitFailures],
  ]);
  return `0/${total} nodes are available: ${histogram([...reasons.entries()])}. preemption: 0/${total} nodes are available: ${preemption}.`;
}

/** NodeResourcesFit: the pod's requests on top of what the node's pods already request. */
function insufficient(pod: Pod, node: Node, pods: readonly Pod[]): string[] {
  return shortfalls(pod, node, pods).map((s) => `Insufficient ${s.resource}`);
}

/** A resource the node cannot give the pod (noderesources.Fits' InsufficientResource). */
export interface Shortfall {
  resource: 'cpu' | 'memory';
  /** Millicores for cpu, bytes for memory, as the API's quantities compare them. */
  requested: number;
  used: number;
  capacity: number;
}

/**
 * noderesources.Fits, cpu then memory: each resource the pod requests more of than the node's
 * allocatable leaves after what its other pods request. A pod the kubelet rejected is Failed and
 * counts for neither the scheduler (its informer skips terminal pods) nor the kubelet (it is not
 * among the active pods).
 */
export function shortfalls(pod: Pod, node: Node, pods: readonly Pod[]): Shortfall[] {
  const wanted = podTotals(pod);
  if (wanted.cpuReq === 0 && wanted.memReq === 0) return [];
  let cpu = 0;
  let memory = 0;
  for (const p of pods) {
    if (p.spec.nodeName !== node.metadata.name || p === pod || p.sim.rejected !== undefined) continue;
    const used = podTotals(p);
    cpu += used.cpuReq;
    memory += used.memReq;
  }
  const out: Shortfall[] = [];
  const { cpuMilli, memoryBytes } = NODE_ALLOCATABLE;
  if (wanted.cpuReq > 0 && cpu + wanted.cpuReq > cpuMilli)
    out.push({ resource: 'cpu', requested: wanted.cpuReq, used: cpu, capacity: cpuMilli });
  if (wanted.memReq > 0 && memory + wanted.memReq > memoryBytes)
    out.push({ resource: 'memory', requested: wanted.memReq, used: memory, capacity: memoryBytes });
  return out;
}

const load = (pods: readonly Pod[], node: Node) =>
  pods.filter((p) => p.spec.nodeName === node.metadata.name && p.sim.rejected === undefined).length;

/** The lowest free address of the node's pod CIDR (.1 is the bridge), like host-local IPAM. */
function nextIP(node: Node, pods: readonly Pod[]): string {
  const prefix = node.spec.podCIDR.split('.').slice(0, 3).join('.');
  const used = new Set(pods.map((p) => p.sim.podIP));
  for (let host = 2; host < 255; host++) {
    const ip = `${prefix}.${host}`;
    if (!used.has(ip)) return ip;
  }
  return `${prefix}.254`;
}

/**
 * The scheduler's FitError. For a pod that was bound later (a node got the label it wanted), the
 * nodes are judged as they were before: its node without the labels its nodeSelector asks for.
 */
export function unschedulableMessage(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods'>): string {
  const nodes = cluster.nodes.map((node) => {
    if (node.metadata.name !== pod.spec.nodeName) return node;
    const labels = Object.fromEntries(
      Object.entries(node.metadata.labels).filter(([key]) => !(key in pod.spec.nodeSelector)),
    );
    return { ...node, metadata: { ...node.metadata, labels } };
  });
  const { nodeName: _bound, ...spec } = pod.spec;
  const placement = place({ ...pod, spec }, { nodes, pods: cluster.pods });
  return placement.ok ? `0/${nodes.length} nodes are available.` : placement.message;
}

/** Binds a pod if it can; returns the pod, bound or still pending. */
export function bind(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods'>, now: number): Pod {
  const placement = place(pod, cluster);
  if (!placement.ok) return pod;
  return bindTo(pod, placement.node, cluster, now);
}

/** The pod bound to `node` at `now`, with its IP from the node's pod range (or the node's own). */
export function bindTo(pod: Pod, node: Node, cluster: Pick<Cluster, 'pods'>, now: number): Pod {
  const podIP = pod.spec.hostNetwork === true ? node.status.internalIP : nextIP(node, cluster.pods);
  return {
    ...pod,
    spec: { ...pod.spec, nodeName: node.metadata.name },
    sim: { ...pod.sim, scheduledAt: now, podIP, hostIP: node.status.internalIP },
  };
}

/** After nodes change (a new label), the scheduler retries every pending pod, oldest first. */
export function scheduleWaiting(cluster: Pick<Cluster, 'nodes' | 'pods'>, now: number): Change[] {
  const changes: Change[] = [];
  let pods = [...cluster.pods];
  const waiting = pods
    .filter((p) => p.spec.nodeName === undefined)
    .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp));
  for (const pod of waiting) {
    const bound = bind(pod, { nodes: cluster.nodes, pods }, now);
    if (bound.spec.nodeName === undefined) continue;
    pods = pods.map((p) => (p === pod ? bound : p));
    changes.push({ op: 'putPod', pod: bound });
  }
  return changes;
}
