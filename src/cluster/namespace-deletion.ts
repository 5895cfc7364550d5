import { err, ok, type Result } from '../result.ts';
import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import { iso } from './iso.ts';
import type { Cluster, Namespace, Pod } from './model.ts';
import { serviceDeletion } from './services.ts';
import { conflict, forbidden, type Status } from './status.ts';
import { leavesAt, podDeleteRequest } from './terminating.ts';

/**
 * DELETE of a namespace, as the API server and the namespace controller carry it out. The server
 * only marks it: `deletionTimestamp` set, phase Terminating, its `kubernetes` finalizer kept. The
 * controller then deletes what the namespace holds (pods gracefully, with their own grace period)
 * and, once nothing is left, removes the finalizer and the namespace is gone. Until then no new
 * content may be created in it (pods.ts admission) and its name stays taken.
 *
 * The controller takes a namespace up `PASS_MS` after each event about it, and its passes are what
 * a member can see: the first writes the five deletion conditions, and the namespace leaves at the
 * first pass that finds nothing left. One simplification: the pods' deletion is asked for with the
 * namespace's, where a real controller asks at its first pass, 5 s later.
 */
export const PASS_MS = 5_000;

/** Why a second DELETE of a Terminating namespace is refused (two spaces, as the server writes it). */
const STILL_DELETING =
  'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.';

/** NamespaceLifecycle admission: these four are never deleted. */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set([
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
]);

/** The namespace marked for deletion, its pods asked to stop and its services removed. */
export function namespaceDeleteRequest(
  cluster: Pick<Cluster, 'now' | 'pods' | 'services' | 'forwards'>,
  namespace: Namespace,
  ids: Ids,
): Result<{ namespace: Namespace; changes: Change[] }, Status> {
  const name = namespace.metadata.name;
  if (IMMORTAL_NAMESPACES.has(name))
    return err(forbidden('namespaces', name, 'this namespace may not be deleted'));
  // Deleting it again is refused while its finalizer stays (the namespace storage's Delete).
  if (namespace.sim?.deletion !== undefined) return err(conflict('namespaces', name, STILL_DELETING));
  const marked: Namespace = {
    ...namespace,
    metadata: {
      ...namespace.metadata,
      resourceVersion: ids.resourceVersion(),
      deletionTimestamp: iso(cluster.now),
    },
    status: { phase: 'Terminating' },
    sim: { deletion: { requestedAt: cluster.now } },
  };
  const changes: Change[] = [{ op: 'putNamespace', namespace: marked }];
  for (const pod of cluster.pods)
    if (pod.metadata.namespace === name) changes.push(...podDeleteRequest(cluster, pod, ids, undefined));
  for (const service of cluster.services)
    if (service.metadata.namespace === name) changes.push(...serviceDeletion(cluster, service, ids));
  return ok({ namespace: marked, changes });
}

/** When a pod of the namespace leaves (now, for one nothing removes: it cannot stay). */
function podGoneAt(pod: Pod, now: number): number {
  const at = leavesAt(pod);
  return at === Number.POSITIVE_INFINITY ? now : at;
}

/**
 * When the controller's pass finds the namespace empty and it leaves: the first pass at or after
 * the last of its pods has gone. Derived from the pods still listed, so a pod force-deleted later
 * brings it forward. Infinity for a namespace not being deleted.
 */
export function namespaceGoneAt(namespace: Namespace, pods: readonly Pod[], now: number): number {
  const requestedAt = namespace.sim?.deletion?.requestedAt;
  if (requestedAt === undefined) return Number.POSITIVE_INFINITY;
  let last = requestedAt;
  for (const pod of pods)
    if (pod.metadata.namespace === namespace.metadata.name) last = Math.max(last, podGoneAt(pod, now));
  return requestedAt + Math.max(1, Math.ceil((last - requestedAt) / PASS_MS)) * PASS_MS;
}

export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/**
 * The conditions the controller's passes have written by `now` (none before its first pass), in
 * its order. A pass that finds content left says what remains; the pass that finds none also
 * finalizes, so a namespace still listed after its first pass always has content remaining.
 */
export function namespaceConditions(
  namespace: Namespace,
  pods: readonly Pod[],
  now: number,
): NamespaceCondition[] {
  const requestedAt = namespace.sim?.deletion?.requestedAt;
  if (requestedAt === undefined || now < requestedAt + PASS_MS) return [];
  const firstPass = requestedAt + PASS_MS;
  const lastPass = requestedAt + Math.floor((now - requestedAt) / PASS_MS) * PASS_MS;
  let remaining = 0;
  for (const pod of pods)
    if (pod.metadata.namespace === namespace.metadata.name && podGoneAt(pod, lastPass) > lastPass)
      remaining++;
  const at = iso(firstPass);
  const ok = (type: string, reason: string, message: string): NamespaceCondition => ({
    type,
    status: 'False',
    lastTransitionTime: at,
    reason,
    message,
  });
  const content =
    remaining > 0
      ? {
          type: 'NamespaceContentRemaining',
          status: 'True' as const,
          lastTransitionTime: at,
          reason: 'SomeResourcesRemain',
          message: `Some resources are remaining: pods. has ${remaining} resource instances`,
        }
      : ok('NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed');
  return [
    ok('NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'),
    ok(
      'NamespaceDeletionGroupVersionParsingFailure',
      'ParsedGroupVersions',
      'All legacy kube types successfully parsed',
    ),
    ok(
      'NamespaceDeletionContentFailure',
      'ContentDeleted',
      'All content successfully deleted, may be waiting on finalization',
    ),
    content,
    ok(
      'NamespaceFinalizersRemaining',
      'ContentHasNoFinalizers',
      'All content-preserving finalizers finished',
    ),
  ];
}

/** The cluster as the API sees it at its `now`: namespaces whose deletion finished are gone. */
export function withoutGoneNamespaces<T extends Pick<Cluster, 'namespaces' | 'pods' | 'now'>>(cluster: T): T {
  let any = false;
  for (const n of cluster.namespaces) if (n.sim?.deletion !== undefined) any = true;
  if (!any) return cluster;
  const kept = cluster.namespaces.filter((n) => namespaceGoneAt(n, cluster.pods, cluster.now) > cluster.now);
  return kept.length === cluster.namespaces.length ? cluster : { ...cluster, namespaces: kept };
}
