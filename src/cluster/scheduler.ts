import type { Change } from './changes.ts';
import type { Cluster, Node, Pod } from './model.ts';

/**
 * The default scheduler, reduced to what the notes need: filter nodes in the scheduler's plugin
 * order (NodeUnschedulable, TaintToleration, NodeAffinity for `nodeSelector`), then spread: the
 * feasible node with the fewest pods wins, ties by name. An unschedulable pod stays Pending with
 * the FitError text kubectl shows in its FailedScheduling event.
 */
export type Placement = { ok: true; node: Node; podIP: string } | { ok: false; message: string };

const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
const REASON_SELECTOR = "node(s) didn't match Pod's node affinity/selector";

export function place(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods'>): Placement {
  const reasons = new Map<string, number>();
  const feasible: Node[] = [];
  for (const node of cluster.nodes) {
    const reason = filter(pod, node);
    if (reason === null) feasible.push(node);
    else reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  if (cluster.nodes.length === 0) return { ok: false, message: 'no nodes available to schedule pods' };
  const chosen = feasible.sort(
    (a, b) => load(cluster.pods, a) - load(cluster.pods, b) || a.metadata.name.localeCompare(b.metadata.name),
  )[0];
  if (chosen === undefined) return { ok: false, message: fitError(cluster.nodes.length, reasons) };
  return {
    ok: true,
    node: chosen,
    podIP: pod.spec.hostNetwork === true ? chosen.status.internalIP : nextIP(chosen, cluster.pods),
  };
}

function filter(pod: Pod, node: Node): string | null {
  if (node.spec.unschedulable) return REASON_UNSCHEDULABLE;
  const taint = node.spec.taints.find((t) => t.effect !== 'PreferNoSchedule');
  if (taint !== undefined) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  for (const [key, value] of Object.entries(pod.spec.nodeSelector)) {
    if (node.metadata.labels[key] !== value) return REASON_SELECTOR;
  }
  return null;
}

function fitError(total: number, reasons: Map<string, number>): string {
  const parts = [...reasons.entries()].map(([reason, count]) => `${count} ${reason}`).sort();
  return (
    `0/${total} nodes are available: ${parts.join(', ')}. ` +
    `preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`
  );
}

const load = (pods: readonly Pod[], node: Node) =>
  pods.filter((p) => p.spec.nodeName === node.metadata.name).length;

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
  return {
    ...pod,
    spec: { ...pod.spec, nodeName: placement.node.metadata.name },
    sim: { ...pod.sim, scheduledAt: now, podIP: placement.podIP, hostIP: placement.node.status.internalIP },
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
