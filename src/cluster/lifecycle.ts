import { findImage, type ImageSpec, pullError } from './images.ts';
import type { Container, Pod } from './model.ts';
import { type ProcessPlan, planProcess } from './process.ts';

/**
 * A pod's status is never stored: it is replayed from when the pod was bound, what its images do
 * (the catalogue) and the sandbox clock, following the kubelet. Timeline (all in `TIMING`):
 *   bound S ─ sandbox ready, first pull starts S+900ms ─ pulled (the image's pull time) ─
 *   Created +100ms ─ Started +150ms; the next container is handled after that one started.
 * A process that exits under `restartPolicy: Always` (or `OnFailure` after a failure) is restarted
 * by the next sync, 1 s later: at once the first time, then after a back-off of 10 s, 20 s, 40 s
 * ... 5 min (flowcontrol.Backoff, keyed per container; reset after a run of more than 10 min).
 * While backing off, the pod worker re-syncs every 10 s and each sync reports "Back-off".
 * A pull that fails is retried with the same back-off, first 10 s.
 */
export const TIMING = {
  /** Bound → pod sandbox (network namespace) ready and the first image pull begins. */
  sandboxMs: 900,
  /** Image pulled → Created event. */
  createMs: 100,
  /** Image pulled → container started. */
  startMs: 150,
  /** A failing pull takes this long to be refused by the registry. */
  pullFailMs: 1200,
  /** A process exits → the kubelet's next sync (PLEG relist) reacts. */
  syncMs: 1000,
  /** The pod worker's requeue after a failed sync (back-off in progress). */
  resyncMs: 10_000,
  backoffStartMs: 10_000,
  backoffCapMs: 300_000,
} as const;
/** @deprecated kept for older callers: when the first pull starts after binding. */
export const PULL_START_MS = TIMING.sandboxMs;

export type WaitingReason =
  | 'ContainerCreating'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'ErrImageNeverPull'
  | 'CrashLoopBackOff';

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

/** What the kubelet did for one container, for events (`events.ts`) and logs. */
export type Occurrence =
  | { at: number; kind: 'pulling' }
  | { at: number; kind: 'pulled'; ms: number }
  | { at: number; kind: 'present' }
  | { at: number; kind: 'pullFailed'; message: string }
  | { at: number; kind: 'pullBackOff' }
  | { at: number; kind: 'neverPull' }
  | { at: number; kind: 'created' }
  | { at: number; kind: 'started' }
  | { at: number; kind: 'backOff' };

export interface ContainerStatus {
  name: string;
  /** The image as the spec names it. */
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
  /** When the image was first available (undefined while pulling or when it cannot be pulled). */
  pulledAt?: number;
  plan: ProcessPlan;
  /** The kubelet's actions up to now, oldest first (only filled by `podHistory`). */
  history: Occurrence[];
}

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
  /** When the containers' readiness last flipped (the Ready condition's lastTransitionTime). */
  readyChangedAt?: number;
}

export function podStatus(pod: Pod, now: number): PodStatus {
  return replay(pod, now, false);
}

/** The same status, with every container's `history` filled in (for events). */
export function podHistory(pod: Pod, now: number): PodStatus {
  return replay(pod, now, true);
}

function replay(pod: Pod, now: number, record: boolean): PodStatus {
  const scheduledAt = pod.sim.scheduledAt;
  if (scheduledAt === undefined || scheduledAt > now) {
    return { phase: 'Pending', scheduled: false, containers: [] };
  }
  const containers: ContainerStatus[] = [];
  const pulled = new Set<string>();
  let cursor = scheduledAt + TIMING.sandboxMs;
  for (const [index, container] of pod.spec.containers.entries()) {
    const run = newRun(pod, index, container, now, record, pulled);
    const status = play(run, cursor);
    containers.push(status);
    if (status.pulledAt !== undefined) pulled.add(container.image);
    // The kubelet starts containers one after another; a failed pull does not block the next.
    cursor = run.handOff;
  }
  const phase = phaseOf(pod, containers);
  return {
    phase,
    scheduled: true,
    startTime: scheduledAt,
    containers,
    ...(scheduledAt + TIMING.sandboxMs <= now ? { sandboxAt: scheduledAt + TIMING.sandboxMs } : {}),
    ...readiness(containers, scheduledAt, now),
  };
}

/** One container's replay: what it needs to know, and what it has recorded so far. */
interface Run {
  pod: Pod;
  index: number;
  container: Container;
  image: ImageSpec | undefined;
  plan: ProcessPlan;
  now: number;
  record: boolean;
  /** Images an earlier container of this pod already pulled (the node has their layers). */
  pulledInPod: ReadonlySet<string>;
  history: Occurrence[];
  starts: number[];
  exits: Terminated[];
  pulledAt?: number;
  pulls: number;
  /** Hash of the pod's uid, for repeat-pull times. */
  seed: number;
  /** When the kubelet moves on to the next container (after this one's first start or failed pull). */
  handOff: number;
}

function newRun(
  pod: Pod,
  index: number,
  container: Container,
  now: number,
  record: boolean,
  pulledInPod: ReadonlySet<string>,
): Run {
  const image = findImage(container.image);
  const plan = planProcess(pod, index);
  return {
    pod,
    index,
    container,
    image,
    plan,
    now,
    record,
    pulledInPod,
    history: [],
    starts: [],
    exits: [],
    pulls: 0,
    handOff: 0,
    seed: seedOf(pod.metadata.uid),
  };
}

function play(run: Run, from: number): ContainerStatus {
  if (run.container.imagePullPolicy === 'Never' && run.image?.preloaded !== true) return neverPull(run, from);
  if (run.image === undefined) return failPulls(run, from);
  let t = from;
  let backoff: { ms: number; lastUpdate: number } | null = null;
  let waiting: ContainerState = { kind: 'waiting', reason: 'ContainerCreating' };
  // The message of a CrashLoopBackOff we are re-pulling in, built only if it is the answer.
  let lastBackoff = 0;
  const pending = (): ContainerState =>
    waiting.kind === 'waiting' && waiting.reason === 'CrashLoopBackOff'
      ? {
          kind: 'waiting',
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(lastBackoff)} restarting failed container=${run.container.name} pod=${podRef(run.pod)}`,
        }
      : waiting;
  for (;;) {
    const ready = ensureImage(run, t, run.image);
    const start = ready + TIMING.startMs;
    if (run.starts.length === 0) run.handOff = start;
    if (ready > run.now) return finish(run, pending());
    if (run.record) note(run, { at: ready + TIMING.createMs, kind: 'created' });
    if (start > run.now) return finish(run, pending());
    run.starts.push(start);
    if (run.record) note(run, { at: start, kind: 'started' });
    const runs = run.plan.runsForMs;
    if (runs === null || start + runs > run.now) return finish(run, { kind: 'running', startedAt: start });
    const exit: Terminated = {
      reason: run.plan.exitCode === 0 ? 'Completed' : 'Error',
      exitCode: run.plan.exitCode,
      startedAt: start,
      finishedAt: start + runs,
    };
    run.exits.push(exit);
    const terminated: ContainerState = { kind: 'terminated', ...exit };
    if (!restarts(run.pod, exit.exitCode)) return finish(run, terminated);
    const sync = exit.finishedAt + TIMING.syncMs;
    if (backoff === null || exit.finishedAt - backoff.lastUpdate > 2 * TIMING.backoffCapMs) {
      // No back-off yet (or it expired): restart at this sync, and arm the back-off.
      backoff = { ms: TIMING.backoffStartMs, lastUpdate: sync };
      if (run.now < sync) return finish(run, terminated);
      t = sync;
      waiting = terminated;
      continue;
    }
    const restartAt: number = sync + backoff.ms;
    for (let at = sync; at < restartAt && at <= run.now; at += TIMING.resyncMs)
      note(run, { at, kind: 'backOff' });
    const backingOff = backoff.ms;
    const crashLoop = (): ContainerState => ({
      kind: 'waiting',
      reason: 'CrashLoopBackOff',
      message: `back-off ${goDuration(backingOff)} restarting failed container=${run.container.name} pod=${podRef(run.pod)}`,
    });
    if (run.now < sync) return finish(run, terminated);
    if (run.now < restartAt) return finish(run, crashLoop());
    waiting = { kind: 'waiting', reason: 'CrashLoopBackOff' };
    lastBackoff = backingOff;
    backoff = { ms: Math.min(backoff.ms * 2, TIMING.backoffCapMs), lastUpdate: restartAt };
    t = restartAt;
  }
}

/** Pulls (or finds) the image at `t`; returns when it is ready, maybe after `now`. */
function ensureImage(run: Run, t: number, image: ImageSpec): number {
  const present = image.preloaded || run.pulledAt !== undefined || run.pulledInPod.has(run.container.image);
  if (run.container.imagePullPolicy === 'IfNotPresent' && present) {
    if (run.record) note(run, { at: t, kind: 'present' });
    run.pulledAt ??= t;
    return t;
  }
  if (run.record) note(run, { at: t, kind: 'pulling' });
  const ms = present ? cachedPullMs(run) : image.pullMs;
  run.pulls += 1;
  const done = t + ms;
  if (done <= run.now) {
    if (run.record) note(run, { at: done, kind: 'pulled', ms });
    run.pulledAt ??= done;
  }
  return done;
}

/** An image the registry does not have: fail, back off 10 s, 20 s ... 5 min, try again. */
function failPulls(run: Run, from: number): ContainerStatus {
  const message = pullError(run.container.image);
  const backOff: ContainerState = {
    kind: 'waiting',
    reason: 'ImagePullBackOff',
    message: `Back-off pulling image "${run.container.image}": ErrImagePull: ${message}`,
  };
  run.handOff = from + TIMING.pullFailMs;
  let t = from;
  for (let attempt = 0; ; attempt++) {
    if (run.record) note(run, { at: t, kind: 'pulling' });
    const failed = t + TIMING.pullFailMs;
    if (run.now < failed)
      return finish(run, attempt === 0 ? { kind: 'waiting', reason: 'ContainerCreating' } : backOff);
    if (run.record) note(run, { at: failed, kind: 'pullFailed', message });
    const sync = failed + TIMING.syncMs;
    const next = sync + Math.min(TIMING.backoffStartMs * 2 ** attempt, TIMING.backoffCapMs);
    for (let at = sync; at < next && at <= run.now; at += TIMING.resyncMs)
      note(run, { at, kind: 'pullBackOff' });
    if (run.now < sync) return finish(run, { kind: 'waiting', reason: 'ErrImagePull', message });
    if (run.now < next) return finish(run, backOff);
    t = next;
  }
}

/** `imagePullPolicy: Never` and the image is not on the node: every sync says so again. */
function neverPull(run: Run, from: number): ContainerStatus {
  run.handOff = from;
  if (run.record)
    for (let at = from; at <= run.now; at += TIMING.resyncMs) note(run, { at, kind: 'neverPull' });
  return finish(run, {
    kind: 'waiting',
    reason: 'ErrImageNeverPull',
    message: `Container image "${run.container.image}" is not present with pull policy of Never`,
  });
}

function note(run: Run, occurrence: Occurrence): void {
  if (run.record && occurrence.at <= run.now) run.history.push(occurrence);
}

function finish(run: Run, state: ContainerState): ContainerStatus {
  const current = state.kind === 'terminated' ? run.exits.length - 1 : run.exits.length;
  const lastState = run.exits[current - 1];
  return {
    name: run.container.name,
    image: run.container.image,
    plan: run.plan,
    starts: run.starts,
    exits: run.exits,
    history: run.history,
    state,
    restartCount: Math.max(0, run.starts.length - 1),
    started: state.kind === 'running',
    ready: state.kind === 'running',
    ...(lastState === undefined ? {} : { lastState }),
    ...(run.pulledAt === undefined ? {} : { pulledAt: run.pulledAt }),
  };
}

const PULL_CYCLE = 64;

/** A repeat pull only checks the manifest and finds every layer: well under a second or so. */
function cachedPullMs(run: Run): number {
  // A stable mix of the pod's uid and the pull's number, so a pod always shows the same times.
  // The draws repeat every PULL_CYCLE pulls, so a long crash loop's timeline has a closed form.
  const n = run.pulls === 0 ? 0 : ((run.pulls - 1) % PULL_CYCLE) + 1;
  let h = run.seed ^ Math.imul(run.index + 1, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return 380 + (((h ^ (h >>> 16)) >>> 0) % 900);
}

function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

export const podRef = (pod: Pod): string =>
  `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

function restarts(pod: Pod, exitCode: number): boolean {
  const policy = pod.spec.restartPolicy;
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
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

/** When every container is ready (readyAt) and when that last changed: a sweep over starts and exits. */
function readiness(
  containers: ContainerStatus[],
  since: number,
  now: number,
): { readyAt?: number; readyChangedAt: number } {
  const edges: [number, number][] = [];
  for (const c of containers) {
    for (const start of c.starts) edges.push([start, 1]);
    for (const exit of c.exits) if (exit.finishedAt <= now) edges.push([exit.finishedAt, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let up = 0;
  let ready = false;
  let changedAt = since;
  for (let i = 0; i < edges.length; i++) {
    const [t, delta] = edges[i] ?? [0, 0];
    up += delta;
    // Judge only after every edge at this instant has been applied.
    if ((edges[i + 1]?.[0] ?? Number.NaN) === t) continue;
    const all = containers.length > 0 && up === containers.length;
    if (all !== ready) {
      ready = all;
      changedAt = t;
    }
  }
  return ready ? { readyAt: changedAt, readyChangedAt: changedAt } : { readyChangedAt: changedAt };
}

/** Go's time.Duration String() for whole milliseconds: "10s", "5m0s", "645ms", "2.1s", "1m2.5s". */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / 60_000);
  const rest = ms - minutes * 60_000;
  const seconds = `${Math.floor(rest / 1000)}${
    rest % 1000 === 0
      ? ''
      : `.${String(rest % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
  }s`;
  return minutes === 0 ? seconds : `${minutes}m${seconds}`;
}

/** kubectl's STATUS column (printers.go printPod), from the derived status. */
export function statusColumn(status: PodStatus): string {
  let reason: string = status.phase;
  let hasRunning = false;
  // Walks from the last container to the first, so the first container's reason wins.
  for (const c of [...status.containers].reverse()) {
    if (c.state.kind === 'waiting') reason = c.state.reason;
    else if (c.state.kind === 'terminated') reason = c.state.reason;
    else if (c.ready) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = status.readyAt !== undefined ? 'Running' : 'NotReady';
  return reason;
}
