import { findImage } from './images.ts';
import type { Container, Pod } from './model.ts';
import { type ProcessPlan, planProcess } from './process.ts';

/**
 * A pod's status is never stored: it is derived from when the pod was scheduled, what its images
 * do (the catalogue) and the sandbox clock. The kubelet's timeline, per container in order:
 * pull (the image's pull time), create, start; a process that exits is restarted under
 * `restartPolicy: Always` (or `OnFailure` after a failure) with back-off 10 s, 20 s, 40 s ... 5 min.
 */
export const PULL_START_MS = 400;
const CREATE_MS = 150;
const BACKOFF_START_MS = 10_000;
const BACKOFF_CAP_MS = 300_000;
/** How long a failed container shows `Error` before the kubelet reports the back-off. */
const ERROR_VISIBLE_MS = 1_000;
/** An unknown image: ErrImagePull after the failed pull, ImagePullBackOff in between retries. */
const PULL_FAIL_MS = 1_800;

export type WaitingReason = 'ContainerCreating' | 'ErrImagePull' | 'ImagePullBackOff' | 'CrashLoopBackOff';

export interface Terminated {
  reason: 'Completed' | 'Error';
  exitCode: number;
  startedAt: number;
  finishedAt: number;
}

export type ContainerState =
  | { kind: 'waiting'; reason: WaitingReason; message?: string }
  | { kind: 'running'; startedAt: number }
  | ({ kind: 'terminated' } & Terminated);

export interface ContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState?: Terminated;
  /** Every start of this container so far (epoch ms), for logs and events. */
  starts: number[];
  /** Every exit so far, matching `starts`. */
  exits: Terminated[];
  /** When the image pull finished (undefined while pulling or when it cannot be pulled). */
  pulledAt?: number;
  plan: ProcessPlan;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface PodStatus {
  phase: PodPhase;
  scheduled: boolean;
  startTime?: number;
  containers: ContainerStatus[];
  /** Time the last container became ready, if all are. */
  readyAt?: number;
}

export function podStatus(pod: Pod, now: number): PodStatus {
  const scheduledAt = pod.sim.scheduledAt;
  if (scheduledAt === undefined || scheduledAt > now) {
    return { phase: 'Pending', scheduled: false, containers: [] };
  }
  const containers: ContainerStatus[] = [];
  let cursor = scheduledAt + PULL_START_MS;
  for (const [index, container] of pod.spec.containers.entries()) {
    const plan = planProcess(pod, index);
    const status = containerStatus(pod, container, plan, cursor, now);
    containers.push(status);
    // The kubelet starts containers one after another; a failed pull does not block the next.
    cursor = status.pulledAt === undefined ? cursor + PULL_FAIL_MS : (status.starts[0] ?? cursor) + CREATE_MS;
  }
  return {
    phase: phaseOf(pod, containers),
    scheduled: true,
    startTime: scheduledAt,
    containers,
    ...readyAt(containers),
  };
}

function containerStatus(
  pod: Pod,
  container: Container,
  plan: ProcessPlan,
  pullFrom: number,
  now: number,
): ContainerStatus {
  const image = findImage(container.image);
  const base = { name: container.name, image: container.image, plan, starts: [], exits: [] };
  if (image === undefined) {
    const failedAt = pullFrom + PULL_FAIL_MS;
    const reason: WaitingReason = now < failedAt ? 'ContainerCreating' : pullFailure(now - failedAt);
    return { ...base, ready: false, started: false, restartCount: 0, state: { kind: 'waiting', reason } };
  }
  const pulledAt = pullFrom + image.pullMs;
  if (now < pulledAt + CREATE_MS) {
    return {
      ...base,
      ready: false,
      started: false,
      restartCount: 0,
      state: { kind: 'waiting', reason: 'ContainerCreating' },
    };
  }
  return runLoop(
    pod,
    {
      ...base,
      pulledAt,
      ready: false,
      started: false,
      restartCount: 0,
      state: { kind: 'waiting', reason: 'ContainerCreating' },
    },
    pulledAt + CREATE_MS,
    now,
  );
}

/** Plays the start / exit / back-off / restart loop forward to `now`. */
function runLoop(pod: Pod, status: ContainerStatus, firstStart: number, now: number): ContainerStatus {
  const starts: number[] = [];
  const exits: Terminated[] = [];
  let start = firstStart;
  for (;;) {
    starts.push(start);
    const runMs = status.plan.runsForMs;
    if (runMs === null || start + runMs > now) {
      return finish(status, starts, exits, { kind: 'running', startedAt: start }, now);
    }
    const exit: Terminated = {
      reason: status.plan.exitCode === 0 ? 'Completed' : 'Error',
      exitCode: status.plan.exitCode,
      startedAt: start,
      finishedAt: start + runMs,
    };
    exits.push(exit);
    if (!restarts(pod, exit.exitCode))
      return finish(status, starts, exits, { kind: 'terminated', ...exit }, now);
    const backoff = Math.min(BACKOFF_START_MS * 2 ** (exits.length - 1), BACKOFF_CAP_MS);
    const next = exit.finishedAt + backoff;
    if (next > now) {
      const state: ContainerState =
        now - exit.finishedAt < ERROR_VISIBLE_MS
          ? { kind: 'terminated', ...exit }
          : {
              kind: 'waiting',
              reason: 'CrashLoopBackOff',
              message: `back-off ${formatBackoff(backoff)} restarting failed container=${status.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
            };
      return finish(status, starts, exits, state, now);
    }
    start = next;
  }
}

function finish(
  status: ContainerStatus,
  starts: number[],
  exits: Terminated[],
  state: ContainerState,
  _now: number,
): ContainerStatus {
  const restartCount = Math.max(0, starts.length - 1);
  const lastExit = state.kind === 'terminated' ? exits[exits.length - 2] : exits[exits.length - 1];
  return {
    ...status,
    starts,
    exits,
    state,
    restartCount,
    started: state.kind === 'running',
    ready: state.kind === 'running',
    ...(lastExit === undefined ? {} : { lastState: lastExit }),
  };
}

function restarts(pod: Pod, exitCode: number): boolean {
  const policy = pod.spec.restartPolicy;
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

function pullFailure(sinceFailure: number): WaitingReason {
  // ErrImagePull right after each failed attempt, ImagePullBackOff while waiting for the next.
  let attempt = 0;
  let t = 0;
  for (;;) {
    const backoff = Math.min(BACKOFF_START_MS * 2 ** attempt, BACKOFF_CAP_MS);
    if (sinceFailure < t + 5_000) return 'ErrImagePull';
    if (sinceFailure < t + backoff + PULL_FAIL_MS) return 'ImagePullBackOff';
    t += backoff + PULL_FAIL_MS;
    attempt += 1;
  }
}

function phaseOf(pod: Pod, containers: ContainerStatus[]): PodPhase {
  if (containers.some((c) => c.state.kind === 'waiting' && c.starts.length === 0)) return 'Pending';
  const terminatedForGood = containers.every(
    (c) => c.state.kind === 'terminated' && !restarts(pod, c.state.exitCode),
  );
  if (terminatedForGood) {
    return containers.every((c) => c.state.kind === 'terminated' && c.state.exitCode === 0)
      ? 'Succeeded'
      : 'Failed';
  }
  return 'Running';
}

function readyAt(containers: ContainerStatus[]): { readyAt?: number } {
  if (containers.length === 0 || !containers.every((c) => c.ready)) return {};
  const times = containers.map((c) => (c.state.kind === 'running' ? c.state.startedAt : 0));
  return { readyAt: Math.max(...times) };
}

const formatBackoff = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : s % 60 === 0 ? `${s / 60}m0s` : `${Math.floor(s / 60)}m${s % 60}s`;
};

/** kubectl's STATUS column (printers.go printPod), from the derived status. */
export function statusColumn(status: PodStatus): string {
  let reason: string = status.phase;
  // Walks from the last container to the first, so the first container's reason wins.
  for (const c of [...status.containers].reverse()) {
    if (c.state.kind === 'waiting') reason = c.state.reason;
    else if (c.state.kind === 'terminated') reason = c.state.reason;
  }
  if (reason === 'Completed' && status.containers.some((c) => c.state.kind === 'running')) {
    reason = status.readyAt !== undefined ? 'Running' : 'NotReady';
  }
  return reason;
}
