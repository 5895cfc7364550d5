import { podOwner } from './api-object.ts';
import { findImage } from './images.ts';
import { goDuration, type Occurrence, occurrences, podRef, podStatus } from './lifecycle.ts';
import type { Cluster, Node, Pod } from './model.ts';
import { unschedulableMessage } from './scheduler.ts';

/**
 * A pod's events, derived (like its status) from its history rather than stored. The scheduler
 * reports FailedScheduling (retried every 5 minutes while nothing changes) and Scheduled; the
 * kubelet reports what `lifecycle.ts` replays. Kubelet events pass through client-go's
 * EventCorrelator exactly as on a node (tools/record/events_cache.go): identical events are counted
 * into one (`x5 over 3m`); after 10 different messages of one reason in 10 minutes the rest are
 * "(combined from similar events)"; and a source may burst 25 events about one pod, then one per
 * 5 minutes, which is why a long crash loop's Normal events look frozen. Events live 1 hour
 * after their last update (the API server's --event-ttl).
 */
export type EventType = 'Normal' | 'Warning';

export interface PodEvent {
  type: EventType;
  reason: string;
  /** The reporting component: default-scheduler, kubelet, kube-proxy, node-controller. */
  source: string;
  message: string;
  count: number;
  /** Epoch ms of the first and the last recorded occurrence. */
  first: number;
  last: number;
}

const RETRY_UNSCHEDULABLE_MS = 5 * 60_000;
const EVENT_TTL_MS = 60 * 60_000;
const AGGREGATE_MAX = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_QPS = 1 / 300;

interface Raw {
  at: number;
  event: Tagged;
}

/** One distinct kubelet event, with its correlator keys built once (long histories repeat them). */
interface Tagged {
  type: EventType;
  reason: string;
  message: string;
  /** Source, object, type and reason: the aggregation key (no fieldPath, no message). */
  aggregateKey: string;
  /** The full dedup key: adds spec.containers{name} and the message. */
  key: string;
}

/** The pod's events as `kubectl describe` lists them: oldest last-seen first. */
export function podEvents(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods' | 'now'>): PodEvent[] {
  const now = cluster.now;
  const events = [...schedulerEvents(pod, cluster), ...correlate(kubeletRaw(pod, now))];
  return events
    .filter((e) => now - e.last < EVENT_TTL_MS)
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.last - b.e.last || a.e.first - b.e.first || a.order - b.order)
    .map(({ e }) => e);
}

function schedulerEvents(pod: Pod, cluster: Pick<Cluster, 'nodes' | 'pods' | 'now'>): PodEvent[] {
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

function kubeletRaw(pod: Pod, now: number): Raw[] {
  const status = podStatus(pod, now);
  const raw: Raw[] = [];
  status.containers.forEach((c, i) => {
    const container = pod.spec.containers[i];
    if (container === undefined) return;
    const fieldPath = `spec.containers{${c.name}}`;
    const tag = ([type, reason, message]: [EventType, string, string]): Tagged => {
      const aggregateKey = `${type}\u0000${reason}`;
      return {
        type,
        reason,
        message,
        aggregateKey,
        key: `${aggregateKey}\u0000${fieldPath}\u0000${message}`,
      };
    };
    const byKind = new Map<string, Tagged[]>();
    for (const o of occurrences(c.timeline, Number.NEGATIVE_INFINITY, now)) {
      // Only a pull's duration varies; every other kind says the same thing each time.
      let events = o.kind === 'pulled' ? undefined : byKind.get(o.kind);
      if (events === undefined) {
        events = describeOccurrence(o, container.image, c.name, pod).map(tag);
        if (o.kind !== 'pulled') byKind.set(o.kind, events);
      }
      for (const event of events) raw.push({ at: o.at, event });
    }
  });
  return raw.sort((a, b) => a.at - b.at);
}

/** The kubelet's wording for each thing it did (pkg/kubelet/images, kuberuntime). */
function describeOccurrence(
  o: Occurrence,
  image: string,
  container: string,
  pod: Pod,
): [EventType, string, string][] {
  switch (o.kind) {
    case 'pulling':
      return [['Normal', 'Pulling', `Pulling image "${image}"`]];
    case 'pulled': {
      const took = goDuration(o.ms);
      return [
        [
          'Normal',
          'Pulled',
          `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSize(image)} bytes.`,
        ],
      ];
    }
    case 'present':
      return [['Normal', 'Pulled', `Container image "${image}" already present on machine`]];
    case 'pullFailed':
      return [
        ['Warning', 'Failed', `Failed to pull image "${image}": ${o.message}`],
        ['Warning', 'Failed', 'Error: ErrImagePull'],
      ];
    case 'pullBackOff':
      return [
        ['Normal', 'BackOff', `Back-off pulling image "${image}"`],
        ['Warning', 'Failed', 'Error: ImagePullBackOff'],
      ];
    case 'neverPull':
      return [
        [
          'Warning',
          'ErrImageNeverPull',
          `Container image "${image}" is not present with pull policy of Never`,
        ],
        ['Warning', 'Failed', 'Error: ErrImageNeverPull'],
      ];
    case 'created':
      return [['Normal', 'Created', `Created container: ${container}`]];
    case 'started':
      return [['Normal', 'Started', `Started container ${container}`]];
    case 'backOff':
      return [
        ['Warning', 'BackOff', `Back-off restarting failed container ${container} in pod ${podRef(pod)}`],
      ];
  }
}

const imageSize = (image: string): number => findImage(image)?.sizeBytes ?? 0;

/** client-go's EventCorrelator: aggregate, count, then the per-pod spam filter. */
function correlate(raw: readonly Raw[]): PodEvent[] {
  const aggregates = new Map<string, { messages: Set<string>; last: number }>();
  const observed = new Map<string, { count: number; first: number }>();
  const written = new Map<string, PodEvent>();
  const bucket = { tokens: SPAM_BURST, at: raw[0]?.at ?? 0 };
  for (const { at, event } of raw) {
    let record = aggregates.get(event.aggregateKey);
    if (record === undefined || at - record.last > AGGREGATE_INTERVAL_MS) {
      record = { messages: new Set(), last: at };
      aggregates.set(event.aggregateKey, record);
    }
    record.messages.add(event.message);
    record.last = at;
    const combined = record.messages.size >= AGGREGATE_MAX;
    // Go pops an arbitrary member to keep the set below the maximum; we pop the oldest.
    if (combined) record.messages.delete(record.messages.values().next().value ?? '');
    const key = combined ? event.aggregateKey : event.key;
    const seen = observed.get(key);
    if (seen === undefined) observed.set(key, { count: 1, first: at });
    else seen.count += 1;
    // The token bucket refills continuously (golang.org/x/time/rate) up to the burst.
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + ((at - bucket.at) / 1000) * SPAM_QPS);
    bucket.at = at;
    if (bucket.tokens < 1) continue;
    bucket.tokens -= 1;
    written.set(key, {
      type: event.type,
      reason: event.reason,
      source: 'kubelet',
      message: combined ? `(combined from similar events): ${event.message}` : event.message,
      count: seen?.count ?? 1,
      first: seconds(seen?.first ?? at),
      last: seconds(at),
    });
  }
  return [...written.values()];
}

/** Core events carry metav1.Time: whole seconds. */
const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;

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
