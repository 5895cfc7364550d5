import { type ContainerStatus, containerStatus } from './lifecycle/container-status.ts';
import { after, nextChange } from './lifecycle/next-change.ts';
import { readiness } from './lifecycle/readiness.ts';
import { exitOf, startOf } from './lifecycle/schedule.ts';
import { TIMING } from './lifecycle/stages.ts';
import type { Pod, Rejection } from './model.ts';

export {
  type ContainerState,
  type ContainerStatus,
  exitOfAttempt,
  podRef,
  type Terminated,
  type Timeline,
  type WaitingReason,
} from './lifecycle/container-status.ts';
export { type Occurrence, occurrences } from './lifecycle/occurrences.ts';
export { readyChangedAt } from './lifecycle/readiness.ts';
export { TIMING } from './lifecycle/stages.ts';

/**
 * A pod's status is never stored: it is derived from when the pod was bound, what its images do
 * (the catalogue), the stages of `lifecycle/stages.ts` and the sandbox clock, following the
 * kubelet. Each container's attempts are a closed-form schedule (`lifecycle/schedule.ts`), so
 * reading a pod costs the same at any age.
 */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface PodStatus {
  phase: PodPhase;
  scheduled: boolean;
  startTime?: number;
  containers: ContainerStatus[];
  /** Time the last container became ready, if all are. */
  readyAt?: number;
  /** When the pod's sandbox became ready (PodReadyToStartContainers). */
  sandboxAt?: number;
  /** Set by the kubelet's rejectPod: its reason, and its message as the status has it. */
  rejected?: Rejection;
}

/**
 * Each pod's last derived status and the span of time it holds for: from when it was derived
 * until the next moment anything in it can change. Pods are immutable values (a change makes a
 * new object), so the key is an object of the pod's own: its `sim`, which a label or annotate
 * keeps (they copy the metadata only), so a relabelled pod's status is not derived again. A
 * status reads only the pod's spec, sim, name, namespace and uid: an entry holds for a pod with
 * the same ones, and a dropped pod frees its entry.
 */
const memo = new WeakMap<
  Pod['sim'],
  {
    spec: Pod['spec'];
    uid: string;
    name: string;
    namespace: string;
    status: PodStatus;
    from: number;
    until: number;
  }
>();

export function podStatus(pod: Pod, now: number): PodStatus {
  const known = memo.get(pod.sim);
  const { metadata } = pod;
  if (
    known !== undefined &&
    known.from <= now &&
    now < known.until &&
    known.spec === pod.spec &&
    known.uid === metadata.uid &&
    known.name === metadata.name &&
    known.namespace === metadata.namespace
  )
    return known.status;
  const status = derivedStatus(pod, now);
  memo.set(pod.sim, {
    spec: pod.spec,
    uid: metadata.uid,
    name: metadata.name,
    namespace: metadata.namespace,
    status,
    from: now,
    until: statusUntil(pod, status, now),
  });
  return status;
}

/** When the status derived at `now` may next read differently. */
function statusUntil(pod: Pod, status: PodStatus, now: number): number {
  const scheduledAt = pod.sim.scheduledAt;
  if (scheduledAt === undefined) return Number.POSITIVE_INFINITY;
  let until = after(now, [scheduledAt, scheduledAt + TIMING.sandboxMs]);
  for (const c of status.containers) until = Math.min(until, nextChange(c, now));
  return until;
}

/** The status, derived afresh (what the memo must always equal). */
export function derivedStatus(pod: Pod, now: number): PodStatus {
  const scheduledAt = pod.sim.scheduledAt;
  if (scheduledAt === undefined || scheduledAt > now) {
    return { phase: 'Pending', scheduled: false, containers: [] };
  }
  const rejected = pod.sim.rejected;
  if (rejected !== undefined) {
    // rejectPod's status, with the start time and generation the status manager adds.
    return {
      phase: 'Failed',
      scheduled: true,
      startTime: scheduledAt,
      containers: [],
      rejected: { reason: rejected.reason, message: `Pod was rejected: ${rejected.message}` },
    };
  }
  const containers: ContainerStatus[] = [];
  const pulled = new Set<string>();
  let cursor = scheduledAt + TIMING.sandboxMs;
  for (const [index, container] of pod.spec.containers.entries()) {
    const { status, handOff } = containerStatus(pod, index, container, cursor, now, pulled);
    containers.push(status);
    if (status.pulledAt !== undefined) pulled.add(container.image);
    // The kubelet starts containers one after another; a failed pull does not block the next.
    cursor = handOff;
  }
  // One literal, the optional keys added after in the same order (no spreads: the build compiles
  // them to esbuild's helpers).
  const status: PodStatus = {
    phase: phaseOf(pod, containers),
    scheduled: true,
    startTime: scheduledAt,
    containers,
  };
  if (scheduledAt + TIMING.sandboxMs <= now) status.sandboxAt = scheduledAt + TIMING.sandboxMs;
  const { readyAt } = readiness(containers);
  if (readyAt !== undefined) status.readyAt = readyAt;
  return status;
}

/** The kubelet's getPhase, for pods without init containers. */
function phaseOf(pod: Pod, containers: ContainerStatus[]): PodPhase {
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of containers) {
    if (c.state.kind === 'running') running++;
    else if (c.state.kind === 'terminated') {
      stopped++;
      if (c.state.exitCode === 0) succeeded++;
    } else if (c.lastState !== undefined) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (pod.spec.restartPolicy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return pod.spec.restartPolicy === 'Never' ? 'Failed' : 'Running';
}

/** kubectl's STATUS column (printers.go printPod), from the derived status. */
export function statusColumn(status: PodStatus): string {
  let reason: string = status.rejected?.reason ?? status.phase;
  let hasRunning = false;
  // Walks from the last container to the first, so the first container's reason wins.
  for (let i = status.containers.length - 1; i >= 0; i--) {
    const c = status.containers[i];
    if (c === undefined) continue;
    if (c.state.kind === 'waiting') reason = c.state.reason;
    else if (c.state.kind === 'terminated') reason = c.state.reason;
    else if (c.ready) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = status.readyAt !== undefined ? 'Running' : 'NotReady';
  return reason;
}

/** When the latest process of this container started (undefined before the first start). */
export function lastStart(c: ContainerStatus): number | undefined {
  return c.timeline.kind === 'runs' && c.runs > 0 ? startOfRun(c, c.runs - 1) : undefined;
}

/** When run k (0-based, k < c.runs) of this container started. */
export function startOfRun(c: ContainerStatus, k: number): number {
  return c.timeline.kind === 'runs' ? startOf(c.timeline.schedule, k) : Number.NaN;
}

/** When run k (k < c.exited) of this container exited. */
export function exitOfRun(c: ContainerStatus, k: number): number {
  return c.timeline.kind === 'runs' ? exitOf(c.timeline.schedule, k) : Number.NaN;
}
