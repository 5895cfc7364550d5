import { findImage } from './images.ts';
import { type ContainerStatus, exitOfRun, podStatus, startOfRun } from './lifecycle.ts';
import type { Pod, ServedRequest } from './model.ts';

/**
 * A container's log, as the kubelet keeps it: one file per container instance. Each instance
 * prints its process's start lines (the process plan) and one line per request it served. The
 * current instance is the running one, or the last one that ran while the kubelet waits to
 * restart it; `--previous` is the instance before (kubelet `validateContainerLogStatus`). All of
 * it lives with the pod and is gone when the pod is deleted.
 */
export interface LogLine {
  at: number;
  text: string;
}

export type LogResult =
  | { ok: true; lines: LogLine[] }
  /** The kubelet's refusal, shown by kubectl as `Error from server (BadRequest): ...`. */
  | { ok: false; message: string };

export function containerLog(pod: Pod, index: number, now: number, previous: boolean): LogResult {
  const status = podStatus(pod, now);
  if (!status.scheduled) return { ok: true, lines: [] };
  const c = status.containers[index];
  const name = pod.spec.containers[index]?.name ?? '';
  const where = `container "${name}" in pod "${pod.metadata.name}"`;
  // validateContainerLogStatus: a container the kubelet has no status of (its pod was rejected).
  if (c === undefined) return { ok: false, message: `${where} is not available` };
  const instance = instanceFor(c, previous);
  if (instance === null) {
    if (previous) return { ok: false, message: `previous terminated ${where} not found` };
    const reason = c.state.kind === 'waiting' ? c.state.reason : 'ContainerCreating';
    const shown =
      reason === 'ErrImagePull'
        ? "image can't be pulled"
        : reason === 'ImagePullBackOff'
          ? 'trying and failing to pull image'
          : reason;
    return { ok: false, message: `${where} is waiting to start: ${shown}` };
  }
  return { ok: true, lines: instanceLines(pod, index, c, instance, now) };
}

/** Which run of the container the kubelet reads, by index into `starts`; null: none. */
function instanceFor(c: ContainerStatus, previous: boolean): number | null {
  const runs = c.runs;
  if (runs === 0) return null;
  // While running, or just terminated, the newest run is current and the one before is previous;
  // while waiting in back-off the newest run is already "last state", so both read it.
  const waiting = c.state.kind === 'waiting';
  if (previous) {
    const prior = waiting ? runs - 1 : runs - 2;
    return prior >= 0 && prior < c.exited ? prior : null;
  }
  return runs - 1;
}

function instanceLines(pod: Pod, index: number, c: ContainerStatus, run: number, now: number): LogLine[] {
  const start = run < c.runs ? startOfRun(c, run) : now;
  const end = run < c.exited ? exitOfRun(c, run) : now;
  const name = pod.spec.containers[index]?.name ?? '';
  const image = findImage(pod.spec.containers[index]?.image ?? '');
  const startLines = [...c.plan.logs.map((text) => ({ at: start, text })), ...periodicLines(c, start, end)];
  const requests = pod.sim.requests
    .filter((r) => r.container === name && r.at >= start && r.at <= end)
    .map((r) => ({ at: r.at, text: requestLine(image?.requestLog, r) }))
    .filter((l): l is LogLine => l.text !== null);
  // A stable sort: the start lines come first, even for a request served in the same millisecond.
  return [...startLines, ...requests].sort((a, b) => a.at - b.at);
}

/** Iterations kept of a looping command's output (the kubelet rotates logs; members see the end). */
const MAX_ITERATIONS = 1000;

/** A `while true; do echo ...; sleep N; done` prints its lines at start and every N seconds. */
function periodicLines(c: ContainerStatus, start: number, end: number): LogLine[] {
  const every = (c.plan as { every?: { ms: number; lines: string[] } }).every;
  if (every === undefined || every.ms <= 0) return [];
  const count = Math.floor((end - start) / every.ms) + 1;
  const first = Math.max(0, count - MAX_ITERATIONS);
  const lines: LogLine[] = [];
  for (let k = first; k < count; k++) {
    for (const text of every.lines) lines.push({ at: start + k * every.ms, text });
  }
  return lines;
}

function requestLine(template: string | undefined, r: ServedRequest): string | null {
  if (template === undefined) return null;
  return template.replaceAll('{from}', r.from).replaceAll('{date}', nginxDate(r.at));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's `$time_local`: 15/Jan/2025:10:00:05 +0000. */
function nginxDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** `--timestamps`: the runtime's RFC 3339 time with nanoseconds. */
export function timestamp(ms: number): string {
  const nanos = String((ms % 1000) * 1_000_000 + ((ms * 7919) % 1_000_000)).padStart(9, '0');
  return `${new Date(ms).toISOString().slice(0, 19)}.${nanos}Z`;
}
