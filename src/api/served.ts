import { apiObject, nodeFacts } from '../cluster/api-object.ts';
import { eventObject, listEvents } from '../cluster/event-list.ts';
import {
  coreEventField,
  namespaceField,
  nodeField,
  podField,
  serviceField,
} from '../cluster/field-selector.ts';
import type { Cluster, Labels } from '../cluster/model.ts';
import { eventTable } from '../kubectl/printers/events.ts';
import { namespaceTable, nodeTable } from '../kubectl/printers/nodes.ts';
import { podTable } from '../kubectl/printers/pods.ts';
import { serviceTable } from '../kubectl/printers/services.ts';
import type { Json } from './types.ts';

/**
 * The kinds the sandbox keeps, as the API server stores and prints them: each item's JSON (the
 * same `apiObject` as `-o yaml` in chat), its labels and field values for selectors, and its
 * Table row (the server computes the cells kubectl prints, with the chat printers' own code).
 * Every other resource in discovery is served empty.
 */
export interface Item {
  name: string;
  namespace: string;
  labels: Labels;
  uid: string;
  json: Json;
  /** A field selector's value (the kind's selectable fields are checked before). */
  field(path: string): string;
  /** Every Table cell, wide columns included. */
  cells: string[];
}

export interface Column {
  name: string;
  priority: 0 | 1;
  format?: 'name';
}

export interface ServedKind {
  kind: 'Pod' | 'Node' | 'Namespace' | 'Event' | 'Service' | 'Lease';
  columns: readonly Column[];
  list(cluster: Cluster, namespace: string | null): Item[];
}

const col = (name: string, priority: 0 | 1 = 0): Column =>
  name === 'Name' ? { name, priority, format: 'name' } : { name, priority };

const metaField = (path: string, name: string, namespace: string): string =>
  path === 'metadata.name' ? name : path === 'metadata.namespace' ? namespace : '';

const NO_LABELS = { keys: [], showLabels: false };

const pods: ServedKind = {
  kind: 'Pod',
  columns: [
    col('Name'),
    col('Ready'),
    col('Status'),
    col('Restarts'),
    col('Age'),
    col('IP', 1),
    col('Node', 1),
    col('Nominated Node', 1),
    col('Readiness Gates', 1),
  ],
  list(cluster, namespace) {
    const chosen = cluster.pods.filter((p) => namespace === null || p.metadata.namespace === namespace);
    const rows = podTable(chosen, cluster.now, { ...NO_LABELS, wide: true, withNamespace: false }).slice(1);
    return chosen.map((pod, i) => {
      const { name, namespace: ns, labels, uid } = pod.metadata;
      return {
        name,
        namespace: ns,
        labels,
        uid,
        json: apiObject(pod, cluster),
        cells: rows[i] ?? [],
        field: (path) => podField(pod, path, cluster.now),
      };
    });
  },
};

const nodes: ServedKind = {
  kind: 'Node',
  columns: [
    col('Name'),
    col('Status'),
    col('Roles'),
    col('Age'),
    col('Version'),
    col('Internal-IP', 1),
    col('External-IP', 1),
    col('OS-Image', 1),
    col('Kernel-Version', 1),
    col('Container-Runtime', 1),
  ],
  list(cluster) {
    const rows = nodeTable(cluster.nodes, cluster.now, { ...NO_LABELS, wide: true }).slice(1);
    return cluster.nodes.map((node, i) => ({
      name: node.metadata.name,
      namespace: '',
      labels: node.metadata.labels,
      uid: node.metadata.uid,
      json: apiObject(node, cluster),
      cells: rows[i] ?? [],
      field: (path) => nodeField(node, path),
    }));
  },
};

const namespaces: ServedKind = {
  kind: 'Namespace',
  columns: [col('Name'), col('Status'), col('Age')],
  list(cluster) {
    const rows = namespaceTable(cluster.namespaces, cluster.now, NO_LABELS).slice(1);
    return cluster.namespaces.map((ns, i) => ({
      name: ns.metadata.name,
      namespace: '',
      labels: ns.metadata.labels,
      uid: ns.metadata.uid,
      json: apiObject(ns, cluster),
      cells: rows[i] ?? [],
      field: (path) => namespaceField(ns, path),
    }));
  },
};

const events: ServedKind = {
  kind: 'Event',
  columns: [
    col('Last Seen'),
    col('Type'),
    col('Reason'),
    col('Object'),
    col('Subobject', 1),
    col('Source', 1),
    col('Message'),
    col('First Seen', 1),
    col('Count', 1),
    col('Name', 1),
  ],
  list(cluster, namespace) {
    const found = listEvents(cluster, namespace);
    const rows = eventTable(found, cluster.now, { wide: true, withNamespace: false }).slice(1);
    return found.map((e, i) => ({
      name: e.name,
      namespace: e.namespace,
      labels: {},
      uid: '',
      json: eventObject(e),
      cells: rows[i] ?? [],
      field: (path) => coreEventField(e, path, cluster),
    }));
  },
};

const services: ServedKind = {
  kind: 'Service',
  columns: [
    col('Name'),
    col('Type'),
    col('Cluster-IP'),
    col('External-IP'),
    col('Port(s)'),
    col('Age'),
    col('Selector', 1),
  ],
  list(cluster, namespace) {
    const chosen = cluster.services.filter((s) => namespace === null || s.metadata.namespace === namespace);
    const rows = serviceTable(chosen, cluster.now, { ...NO_LABELS, wide: true, withNamespace: false }).slice(
      1,
    );
    return chosen.map((service, i) => {
      const { name, namespace: ns, labels, uid } = service.metadata;
      return {
        name,
        namespace: ns,
        labels,
        uid,
        json: apiObject(service, cluster),
        cells: rows[i] ?? [],
        field: (path) => serviceField(service, path),
      };
    });
  },
};

/** Each node's heartbeat lease in kube-node-lease (describe node prints it), renewed every 10 s. */
const leases: ServedKind = {
  kind: 'Lease',
  columns: [col('Name'), col('Holder'), col('Age')],
  list(cluster, namespace) {
    if (namespace !== null && namespace !== 'kube-node-lease') return [];
    return cluster.nodes.map((node) => {
      const name = node.metadata.name;
      const uid = leaseUid(node.metadata.uid);
      const json = {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          creationTimestamp: node.metadata.creationTimestamp,
          name,
          namespace: 'kube-node-lease',
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }],
          resourceVersion: node.metadata.resourceVersion,
          uid,
        },
        spec: {
          holderIdentity: name,
          leaseDurationSeconds: 40,
          renewTime: microTime(nodeFacts(node, cluster.now).leaseRenewed),
        },
      };
      const age = nodeTable([node], cluster.now, { ...NO_LABELS, wide: false })[1]?.[3] ?? '';
      return {
        name,
        namespace: 'kube-node-lease',
        labels: {},
        uid,
        json,
        cells: [name, name, age],
        field: (path) => metaField(path, name, 'kube-node-lease'),
      };
    });
  },
};

const microTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
/** A uid of the lease's own, derived from its node's (stable across reads). */
const leaseUid = (nodeUid: string) =>
  `${nodeUid.slice(0, 24)}${nodeUid.slice(24).split('').reverse().join('')}`;

/** The kinds kept, by the resource's plural (qualified by its group outside the core group). */
export const SERVED: Readonly<Record<string, ServedKind>> = {
  pods,
  nodes,
  namespaces,
  events,
  services,
  'leases.coordination.k8s.io': leases,
};
