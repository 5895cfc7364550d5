import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import { findImage } from './images.ts';
import { iso } from './iso.ts';
import { podStatus } from './lifecycle.ts';
import type { Cluster, Pod, PodDeletion } from './model.ts';
import { podDeletion } from './pods.ts';

/**
 * A graceful DELETE of a pod, as the API server and the kubelet carry it out: the server sets
 * `deletionTimestamp` (now plus the grace period) and the pod is Terminating; the kubelet sends
 * SIGTERM to every running container, and the pod leaves the API once the last one has exited,
 * or when the grace period ends and the kubelet kills what is left. How a process answers
 * SIGTERM is the image catalogue's `onSigterm`. Nothing is stored but the request: where the
 * pod is in that is derived from the clock, like the rest of its status.
 */
export const DEFAULT_GRACE_SECONDS = 30;

/** What the kubelet needs to stop an exiting container and report it: about a second. */
const EXIT_ON_SIGTERM_MS = 1_000;

/** The pod's own terminationGracePeriodSeconds (30 unless its manifest says otherwise). */
export function podGraceSeconds(pod: Pod): number {
  const own = pod.spec.extra?.terminationGracePeriodSeconds;
  return typeof own === 'number' && Number.isInteger(own) && own >= 0 ? own : DEFAULT_GRACE_SECONDS;
}

/**
 * The pod after DELETE with `graceSeconds` (the request's, else the pod's own). A pod already
 * Terminating keeps its earlier end unless the new grace period ends sooner, as the server only
 * ever shortens it. Null when it leaves at once: grace 0 (--force), or nothing of it running.
 */
export function requestDeletion(pod: Pod, now: number, graceSeconds: number | undefined): Pod | null {
  const grace = graceSeconds ?? podGraceSeconds(pod);
  if (grace === 0) return null;
  // On a node that does not exist no kubelet confirms the stop: the pod stays Terminating until
  // the pod garbage collector deletes it.
  const goneAt = pod.sim.collectedAt ?? now + stopDelay(pod, now, grace * 1000);
  const earlier = pod.sim.deletion;
  const deletion: PodDeletion =
    earlier !== undefined && earlier.goneAt <= goneAt
      ? earlier
      : { requestedAt: now, gracePeriodSeconds: grace, goneAt };
  if (deletion.goneAt <= now) return null;
  return { ...pod, sim: { ...pod.sim, deletion } };
}

/** How long the containers running at `now` take to stop: the slowest one decides. */
function stopDelay(pod: Pod, now: number, graceMs: number): number {
  const status = podStatus(pod, now);
  let delay = 0;
  for (const [index, c] of status.containers.entries()) {
    if (c.state.kind !== 'running') continue;
    const image = findImage(pod.spec.containers[index]?.image ?? '');
    const stop = image?.onSigterm === 'exits' ? EXIT_ON_SIGTERM_MS : graceMs;
    delay = Math.max(delay, Math.min(stop, graceMs));
  }
  return delay;
}

/**
 * What DELETE of a pod writes: the pod becomes Terminating (a new resourceVersion) unless it
 * leaves at once; its port-forwards close either way.
 */
export function podDeleteRequest(
  cluster: Pick<Cluster, 'now' | 'forwards'>,
  pod: Pod,
  ids: Ids,
  graceSeconds: number | undefined,
): Change[] {
  const terminating = requestDeletion(pod, cluster.now, graceSeconds);
  if (terminating === null) return podDeletion(cluster, pod);
  const metadata = { ...terminating.metadata, resourceVersion: ids.resourceVersion() };
  const [, ...forwards] = podDeletion(cluster, pod);
  return [{ op: 'putPod', pod: { ...terminating, metadata } }, ...forwards];
}

export const isTerminating = (pod: Pod): boolean => pod.sim.deletion !== undefined;

/** The API fields a Terminating pod carries in its metadata. */
export function deletionMetadata(pod: Pod): {
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
} {
  const deletion = pod.sim.deletion;
  if (deletion === undefined) return {};
  return {
    deletionTimestamp: iso(deletion.requestedAt + deletion.gracePeriodSeconds * 1000),
    deletionGracePeriodSeconds: deletion.gracePeriodSeconds,
  };
}

/**
 * When the pod leaves the API: its termination's end, or when the pod garbage collector deletes
 * it (bound to a node that does not exist). Infinity for a pod nothing is removing.
 */
export function leavesAt(pod: Pod): number {
  const { deletion, collectedAt } = pod.sim;
  const ends = deletion === undefined ? Number.POSITIVE_INFINITY : deletion.goneAt;
  return collectedAt === undefined ? ends : Math.min(ends, collectedAt);
}

/** The cluster as the API sees it at its `now`: pods whose termination ended are gone. */
export function withoutGonePods<T extends Pick<Cluster, 'pods' | 'now'>>(cluster: T): T {
  if (cluster.now < firstGoneAt(cluster.pods)) return cluster;
  return { ...cluster, pods: cluster.pods.filter((p) => leavesAt(p) > cluster.now) };
}

/**
 * When the first of these pods leaves (Infinity when none is Terminating), kept by the list: a
 * cluster's lists are never changed in place, and every command of an unchanged sandbox asks.
 */
const goneAts = new WeakMap<readonly Pod[], number>();

/**
 * Carries the first gone time of `base` over to `next`, made from it by removing `removed` and
 * adding `added` (`applyToCluster`), so that the command after a write need not read every pod
 * again. Not carried when a removed pod may have been the first to leave: `next` is read afresh
 * when asked.
 */
export function carryFirstGoneAt(
  base: readonly Pod[],
  next: readonly Pod[],
  removed: readonly Pod[],
  added: readonly Pod[],
): void {
  const known = goneAts.get(base);
  if (known === undefined) return;
  let first = known;
  // A removed pod leaving no later than the first may have been it. One that was leaving at all
  // may also be among the added (put and removed again in one batch). One that was not leaving
  // (Infinity: a label, an annotation) changes nothing.
  for (const p of removed) {
    const leaves = leavesAt(p);
    if (leaves <= known && leaves !== Number.POSITIVE_INFINITY) return;
  }
  for (const p of added) first = Math.min(first, leavesAt(p));
  goneAts.set(next, first);
}

export function firstGoneAt(pods: readonly Pod[]): number {
  let first = goneAts.get(pods);
  if (first === undefined) {
    first = Number.POSITIVE_INFINITY;
    for (const p of pods) first = Math.min(first, leavesAt(p));
    goneAts.set(pods, first);
  }
  return first;
}
