/**
 * The pod garbage collector's orphan rule (kube-controller-manager's podgc): a pod bound to a
 * node that does not exist never runs, since no kubelet will take it, and stays Pending with no
 * status but its phase. PodGC looks every 20 s (gcCheckPeriod); the first look puts the unknown
 * node in quarantine for 40 s (quarantineTime), and the first look after that, finding the node
 * still missing, force-deletes its pods (after marking them Failed with a DisruptionTarget
 * condition, in the same pass, so no client sees that). Its passes are taken at whole 20 s of
 * the sandbox clock.
 */
const GC_CHECK_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;

/** When PodGC deletes a pod created at `createdAt` on a node that does not exist. */
export function orphanCollectedAt(createdAt: number): number {
  const firstLook = (Math.floor(createdAt / GC_CHECK_PERIOD_MS) + 1) * GC_CHECK_PERIOD_MS;
  return firstLook + QUARANTINE_MS;
}
