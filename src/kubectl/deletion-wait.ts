import { applyToCluster, type Change } from '../cluster/changes.ts';
import { LIMITS } from '../cluster/limits.ts';
import type { Cluster, Namespace, Pod } from '../cluster/model.ts';
import { namespaceGoneAt } from '../cluster/namespace-deletion.ts';

/**
 * kubectl waiting until what it deleted is gone (`delete --wait`, `replace --force`): the
 * sandbox's clock moves on to when the last Terminating pod's containers have stopped, or a
 * deleted namespace's controller has emptied and finalized it, as `kubectl wait` moves it, and
 * they leave; never past `timeoutMs` (0: as long as the grace periods need) nor one
 * fast-forward's cap. `late` is a pod the deadline left Terminating.
 */
export interface Waited {
  /** After the deletion's own changes: the clock moved on, and what went meanwhile. */
  changes: Change[];
  late: Pod | undefined;
}

export function waitUntilGone(
  cluster: Cluster,
  deletion: readonly Change[],
  pods: readonly Pod[],
  namespaces: readonly Namespace[],
  timeoutMs: number,
): Waited {
  const now = cluster.now;
  const podsAfter = namespaces.length === 0 ? [] : applyToCluster(cluster, deletion).pods;
  const goneAt = new Map(namespaces.map((n) => [n.metadata.name, namespaceGoneAt(n, podsAfter, now)]));
  let last = now;
  for (const p of pods) last = Math.max(last, p.sim.deletion?.goneAt ?? now);
  for (const at of goneAt.values()) last = Math.max(last, at);
  const deadline = timeoutMs > 0 ? now + timeoutMs : Number.POSITIVE_INFINITY;
  const until = Math.min(last, now + LIMITS.waitFastForwardMs, deadline);
  const gone: Change[] = pods
    .filter((p) => (p.sim.deletion?.goneAt ?? now) <= until)
    .map((p): Change => ({ op: 'deletePod', namespace: p.metadata.namespace, name: p.metadata.name }));
  for (const [name, at] of goneAt) if (at <= until) gone.push({ op: 'deleteNamespace', name });
  const late = until === deadline ? pods.find((p) => (p.sim.deletion?.goneAt ?? now) > until) : undefined;
  return { changes: [{ op: 'advanceClock', ms: until - now }, ...gone], late };
}
