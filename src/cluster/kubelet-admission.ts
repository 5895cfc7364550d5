import type { Node, Pod, Rejection } from './model.ts';
import { matchesSelector, REASON_SELECTOR, shortfalls } from './scheduler.ts';

/**
 * The kubelet's own admission of a pod bound to its node (lifecycle/predicate.go, the predicate
 * admit handler), which matters for a pod its creator bound with `spec.nodeName`: the scheduler
 * never checked it. In the handler's order, the first failure is the reason:
 *
 *   (the OS checks before them are not modelled)
 *   GeneralPredicates (scheduler.AdmissionCheck):
 *     requests over the node's allocatable (cpu first)   -> OutOfcpu / OutOfmemory
 *     nodeSelector not matching the node's labels         -> NodeAffinity
 *     (NodeName: the pod is on this node by definition; NodePorts: the sandbox keeps hostPort
 *     as written but models no host ports)
 *   an untolerated NoExecute taint                        -> TaintToleration (sandbox nodes have
 *     only the control plane's NoSchedule taint, and members cannot taint nodes: never here)
 *
 * Null: admitted. `pods` are the cluster's pods; those on the node and not rejected are the
 * kubelet's active pods.
 */
export function kubeletAdmission(pod: Pod, node: Node, pods: readonly Pod[]): Rejection | null {
  const short = shortfalls(pod, node, pods)[0];
  if (short !== undefined)
    return {
      reason: `OutOf${short.resource}`,
      message: `Node didn't have enough resource: ${short.resource}, requested: ${short.requested}, used: ${short.used}, capacity: ${short.capacity}`,
    };
  if (!matchesSelector(pod, node))
    return { reason: 'NodeAffinity', message: predicateFailed('NodeAffinity', REASON_SELECTOR) };
  return null;
}

/** PredicateFailureError.Error. */
const predicateFailed = (name: string, reason: string): string => `Predicate ${name} failed: ${reason}`;
