import { nodeEvents, type PodEvent, podEvents } from './events.ts';
import type { Cluster } from './model.ts';

/**
 * Events as the API serves them (`GET /api/v1/events`): the same derived history `describe`
 * shows, each with its involved object, its source and a name of the object's name plus a hex
 * stamp (as the recorder names them), listed in key order: namespace, then name.
 */
export interface InvolvedObject {
  readonly kind: 'Pod' | 'Node';
  readonly name: string;
  readonly namespace: string;
}

export interface CoreEvent extends PodEvent {
  readonly name: string;
  readonly namespace: string;
  readonly involvedObject: InvolvedObject;
  /** The node the reporting component ran on (kubelet, kube-proxy); empty for controllers. */
  readonly host: string;
}

/** The fields an event carries itself; field-selector.ts adds those read from the cluster. */
export type EventField =
  | 'involvedObject.kind'
  | 'involvedObject.name'
  | 'involvedObject.namespace'
  | 'metadata.name'
  | 'metadata.namespace'
  | 'reason'
  | 'source'
  | 'type';

const ON_NODE: ReadonlySet<string> = new Set(['kubelet', 'kube-proxy']);

/**
 * The recorder's `%x` of the event's UnixNano, plus the event's index among its object's so that
 * two events of one object in the same millisecond keep two names. In nanoseconds a date needs 61
 * bits, past a double's 53: the sum is a BigInt (from whole microseconds), or the index (and the low bits) would be lost and
 * the names collide, which the door's watch, keyed by name, would see as endless changes.
 */
const stamp = (at: number, index: number): string =>
  (BigInt(Math.round(at * 1000)) * 1000n + BigInt(index)).toString(16).padStart(16, '0');

export function listEvents(
  cluster: Pick<Cluster, 'pods' | 'nodes' | 'now'>,
  namespace: string | null,
): CoreEvent[] {
  const events: CoreEvent[] = [];
  for (const pod of cluster.pods) {
    const ns = pod.metadata.namespace;
    if (namespace !== null && ns !== namespace) continue;
    const involvedObject = { kind: 'Pod' as const, name: pod.metadata.name, namespace: ns };
    podEvents(pod, cluster).forEach((e, i) => {
      const host = ON_NODE.has(e.source) ? (pod.spec.nodeName ?? '') : '';
      events.push({
        ...e,
        name: `${pod.metadata.name}.${stamp(e.first, i)}`,
        namespace: ns,
        involvedObject,
        host,
      });
    });
  }
  // Node events are recorded in the default namespace.
  if (namespace === null || namespace === 'default') {
    for (const node of cluster.nodes) {
      const involvedObject = { kind: 'Node' as const, name: node.metadata.name, namespace: '' };
      nodeEvents(node, cluster.now).forEach((e, i) => {
        const host = ON_NODE.has(e.source) ? node.metadata.name : '';
        events.push({
          ...e,
          name: `${node.metadata.name}.${stamp(e.first, i)}`,
          namespace: 'default',
          involvedObject,
          host,
        });
      });
    }
  }
  return events.sort((a, b) => byte(a.namespace, b.namespace) || byte(a.name, b.name));
}

/** The value a field selector compares for one event. */
export function eventField(event: CoreEvent, field: EventField): string {
  switch (field) {
    case 'involvedObject.kind':
      return event.involvedObject.kind;
    case 'involvedObject.name':
      return event.involvedObject.name;
    case 'involvedObject.namespace':
      return event.involvedObject.namespace;
    case 'metadata.name':
      return event.name;
    case 'metadata.namespace':
      return event.namespace;
    case 'reason':
      return event.reason;
    case 'source':
      return event.source;
    case 'type':
      return event.type;
  }
}

const byte = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const isoSeconds = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** The core/v1 Event as the API server writes it (`get events -o yaml|json`). */
export function eventObject(e: CoreEvent): Record<string, unknown> {
  const involved = e.involvedObject;
  return {
    apiVersion: 'v1',
    count: e.count,
    eventTime: null,
    firstTimestamp: isoSeconds(e.first),
    involvedObject: {
      apiVersion: 'v1',
      ...(e.fieldPath === undefined ? {} : { fieldPath: e.fieldPath }),
      kind: involved.kind,
      name: involved.name,
      ...(involved.namespace === '' ? {} : { namespace: involved.namespace }),
    },
    kind: 'Event',
    lastTimestamp: isoSeconds(e.last),
    // omitempty: kube-proxy's Starting says nothing, and the server writes no message for it.
    ...(e.message === '' ? {} : { message: e.message }),
    metadata: { creationTimestamp: isoSeconds(e.first), name: e.name, namespace: e.namespace },
    reason: e.reason,
    reportingComponent: e.source,
    reportingInstance: e.host,
    source: { component: e.source, ...(e.host === '' ? {} : { host: e.host }) },
    type: e.type,
  };
}
