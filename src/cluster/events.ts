import { podOwner } from './api-object.ts';
import type { PodEvent } from './lifecycle/correlator.ts';
import { EVENT_TTL_MS, kubeletEvents } from './lifecycle/kubelet-events.ts';
import { derivedStatus, podStatus } from './lifecycle.ts';
import type { Cluster, Node, Pod, PodSim } from './model.ts';
import { unschedulableMessage } from './scheduler.ts';

/**
 * A pod's events, derived (like its status) from its history rather than stored. The scheduler
 * reports FailedScheduling (retried every 5 minutes while nothing changes) and Scheduled; the
 * kubelet reports what its stages did (`lifecycle/kubelet-events.ts`), through client-go's
 * EventCorrelator exactly as on a node (`lifecycle/correlator.ts`): identical events are counted
 * into one (`x5 over 3m`); after 10 different messages of one reason in 10 minutes the rest are
 * "(combined from similar events)"; and a source may burst 25 events about one pod, then one per
 * 5 minutes, which is why a long crash loop's Normal events look frozen. Events live 1 hour
 * after their last update (the API server's --event-ttl).
 */
export type { EventType, PodEvent } from './lifecycle/correlator.ts';

const RETRY_UNSCHEDULABLE_MS = 5 * 60_000;

/**
 * The first pod object seen with this pod's spec, sim, name, namespace and uid: all that its
 * status and its kubelet events are derived from (`lifecycle/`, `process.ts` read nothing else).
 * Labelling or annotating a pod makes a new object sharing the old one's spec and sim; asking the
 * caches kept per pod object (`podStatus`, `kubeletEvents`) with the first keeps them holding.
 */
export function lifeOf(pod: Pod): Pod {
  const known = lives.get(pod.sim);
  if (known === pod) return pod;
  if (
    known !== undefined &&
    known.spec === pod.spec &&
    known.metadata.uid === pod.metadata.uid &&
    known.metadata.name === pod.metadata.name &&
    known.metadata.namespace === pod.metadata.namespace
  )
    return known;
  lives.set(pod.sim, pod);
  return pod;
}

const lives = new WeakMap<PodSim, Pod>();

/**
 * The pod's events as `kubectl describe` lists them: oldest last-seen first. While none has
 * expired (nearly always) this is the kept sorted list itself, so the same list comes back until
 * the pod's events change and a printer may keep what it worked out from it (`writeEvents`).
 */
export function podEvents(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods' | 'now'>): readonly PodEvent[] {
  const now = cluster.now;
  const life = lifeOf(pod);
  const status = podStatus(life, now);
  const kubelet =
    status.startTime === undefined
      ? []
      : life.sim.rejected !== undefined
        ? rejectionEvents(life, status.startTime)
        : kubeletEvents(life, status.containers, status.startTime, now);
  const events = sortedEvents(pod, life, kubelet, cluster);
  // Sorted by last-seen: the first is the first to expire.
  const first = events[0];
  if (first === undefined || now - first.last < EVENT_TTL_MS) return events;
  return events.filter((e) => now - e.last < EVENT_TTL_MS);
}

/**
 * All the pod's events (expired ones too), sorted. Kept per life while the kubelet's are the same
 * (`kubeletEvents` answers with the array it kept) for a pod whose scheduler events read nothing
 * else: bound by now, never retried (a FailedScheduling message weighs the cluster), not in
 * kube-system (a static pod's owner is read from its labels). Sorting before dropping the expired
 * keeps the same order: the sort is stable and the filter keeps the relative order.
 */
function sortedEvents(
  pod: Pod,
  life: Pod,
  kubelet: PodEvent[],
  cluster: Pick<Cluster, 'nodes' | 'pods' | 'now'>,
): PodEvent[] {
  const scheduledAt = pod.sim.scheduledAt;
  const created = pod.metadata.creationTimestamp;
  const bound = scheduledAt !== undefined && scheduledAt <= cluster.now;
  // An entry is only made for a fixed pod: its life (same sim) and creation keep it fixed.
  const known = bound ? sorted.get(life) : undefined;
  if (known !== undefined && known.kubelet === kubelet && known.created === created) return known.events;
  // Array.prototype.sort is stable (ES2019): events at the same times stay in this order.
  const events = schedulerEvents(pod, cluster).concat(kubelet, killingEvents(pod)).sort(byTime);
  const fixed =
    bound &&
    Math.floor(scheduledAt / 1000) * 1000 <= Date.parse(created) &&
    pod.metadata.namespace !== 'kube-system';
  if (fixed) sorted.set(life, { kubelet, created, events });
  return events;
}

const sorted = new WeakMap<Pod, { kubelet: PodEvent[]; created: string; events: PodEvent[] }>();

const byTime = (a: PodEvent, b: PodEvent): number => a.last - b.last || a.first - b.first;

/**
 * kubelet.go rejectPod's one Warning: the admission's reason and message (without the status's
 * "Pod was rejected: "). Kept per life, so the sorted events are kept too.
 */
function rejectionEvents(life: Pod, at: number): PodEvent[] {
  let events = rejections.get(life);
  const rejected = life.sim.rejected;
  if (events === undefined && rejected !== undefined) {
    const { reason, message } = rejected;
    events = [{ type: 'Warning', reason, source: 'kubelet', message, count: 1, first: at, last: at }];
    rejections.set(life, events);
  }
  return events ?? [];
}

const rejections = new WeakMap<Pod, PodEvent[]>();

/** The kubelet's Killing event for each container it sent SIGTERM when the pod was deleted. */
function killingEvents(pod: Pod): PodEvent[] {
  const deletion = pod.sim.deletion;
  if (deletion === undefined) return [];
  const at = deletion.requestedAt;
  return derivedStatus(pod, at)
    .containers.filter((c) => c.state.kind === 'running')
    .map((c) => ({
      type: 'Normal',
      reason: 'Killing',
      source: 'kubelet',
      message: `Stopping container ${c.name}`,
      count: 1,
      first: at,
      last: at,
    }));
}

function schedulerEvents(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods' | 'now'>): PodEvent[] {
  // A pod created on a node of its creator's choosing never went through the scheduler.
  if (pod.sim.pinned === true) return [];
  const created = Date.parse(pod.metadata.creationTimestamp);
  const scheduledAt = pod.sim.scheduledAt;
  // creationTimestamp has whole seconds and scheduledAt milliseconds: compare like with like, or a
  // pod bound at once would seem to have failed one attempt first.
  const until =
    scheduledAt === undefined || scheduledAt > cluster.now
      ? cluster.now + 1
      : Math.floor(scheduledAt / 1000) * 1000;
  const events: PodEvent[] = [];
  const attempts: number[] = [];
  for (let at = created; at < until; at += RETRY_UNSCHEDULABLE_MS) attempts.push(at);
  const first = attempts[0];
  const last = attempts.at(-1);
  if (first !== undefined && last !== undefined) {
    events.push({
      type: 'Warning',
      reason: 'FailedScheduling',
      source: 'default-scheduler',
      message: unschedulableMessage(pod, cluster),
      count: attempts.length,
      first,
      last,
    });
  }
  // Static pods are started by the kubelet itself: the scheduler never sees them.
  const isStatic = podOwner(pod, cluster)?.kind === 'Node';
  if (
    scheduledAt !== undefined &&
    scheduledAt <= cluster.now &&
    pod.spec.nodeName !== undefined &&
    !isStatic
  ) {
    events.push({
      type: 'Normal',
      reason: 'Scheduled',
      source: 'default-scheduler',
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${pod.spec.nodeName}`,
      count: 1,
      first: scheduledAt,
      last: scheduledAt,
    });
  }
  return events;
}

/**
 * What a node reported when it joined (kubeadm join, then flannel): the kubelet's start and
 * condition events, the node controller's registration, kube-proxy's start. They expire with the
 * hour like every event, so only a young cluster still shows them.
 */
export function nodeEvents(node: Node, now: number): PodEvent[] {
  const born = Date.parse(node.metadata.creationTimestamp);
  const name = node.metadata.name;
  const event = (at: number, reason: string, source: string, message: string): PodEvent => ({
    type: 'Normal',
    reason,
    source,
    message,
    count: 1,
    first: at,
    last: at,
  });
  return [
    event(born, 'Starting', 'kubelet', 'Starting kubelet.'),
    event(born, 'NodeHasSufficientMemory', 'kubelet', `Node ${name} status is now: NodeHasSufficientMemory`),
    event(born, 'NodeHasNoDiskPressure', 'kubelet', `Node ${name} status is now: NodeHasNoDiskPressure`),
    event(born, 'NodeHasSufficientPID', 'kubelet', `Node ${name} status is now: NodeHasSufficientPID`),
    event(born, 'NodeAllocatableEnforced', 'kubelet', 'Updated Node Allocatable limit across pods'),
    event(
      born + 5_000,
      'RegisteredNode',
      'node-controller',
      `Node ${name} event: Registered Node ${name} in Controller`,
    ),
    event(born + 18_000, 'Starting', 'kube-proxy', ''),
    event(born + 20_000, 'NodeReady', 'kubelet', `Node ${name} status is now: NodeReady`),
  ].filter((e) => e.last <= now && now - e.last < EVENT_TTL_MS);
}
