import { repeatPullMs } from './pull-times.ts';
import { backoffMs, TIMING } from './stages.ts';

/**
 * A container's attempts in closed form. Attempt k begins at b(k) (the image is checked or
 * pulled), starts at b(k) + pull(k) + startMs, exits `runsForMs` later, and, if the policy
 * restarts it, attempt k+1 begins a sync and a back-off wait(k) after that exit. Once the
 * back-off has reached its cap and the repeat-pull draws have gone round once, the attempts'
 * lengths repeat with a period of `period` attempts, so b(k) is a table look-up plus
 * whole periods: constant time at any age.
 */
export interface RunSchedule {
  /** Attempt 0 finds the image on the node (no pull) or pulls it. */
  firstPresent: boolean;
  /** Every restart pulls again (imagePullPolicy other than IfNotPresent). */
  pullEach: boolean;
  runsForMs: number | null;
  exitCode: number;
  /** Whether any attempt after the first exists. */
  restarts: boolean;
  /** b(0..K0+period), pull(0..K0+period-1), wait(0..K0+period-1). */
  begins: number[];
  pulls: number[];
  waits: number[];
  steady: number;
  period: number;
  /** b(steady + period) - b(steady). */
  block: number;
}

export interface RunInput {
  from: number;
  /** undefined: the image is on the node and the policy does not pull. */
  firstPullMs: number | undefined;
  pullEach: boolean;
  seed: number;
  index: number;
  runsForMs: number | null;
  exitCode: number;
  restarts: boolean;
}

const STEADY_ONE = 7;
const STEADY_CYCLE = 72;
const memo = new Map<string, RunSchedule>();
const MEMO_MAX = 4096;

export function runSchedule(input: RunInput): RunSchedule {
  const key = `${input.from}|${input.firstPullMs}|${input.pullEach}|${input.seed}|${input.index}|${input.runsForMs}|${input.exitCode}|${input.restarts}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const built = build(input);
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value ?? '');
  memo.set(key, built);
  return built;
}

function build(input: RunInput): RunSchedule {
  const firstPresent = input.firstPullMs === undefined;
  // Each schedule one literal, not `{ ...base, more }`: the build compiles that to esbuild's
  // property-descriptor helper, which cost 40-70 µs for a new pod's first status.
  const pull0 = input.firstPullMs ?? 0;
  if (input.runsForMs === null || !input.restarts) {
    return {
      firstPresent,
      pullEach: input.pullEach,
      runsForMs: input.runsForMs,
      exitCode: input.exitCode,
      restarts: false,
      begins: [input.from, Number.POSITIVE_INFINITY],
      pulls: [pull0],
      waits: [0],
      steady: 0,
      period: 1,
      block: Number.POSITIVE_INFINITY,
    };
  }
  const runs = input.runsForMs;
  const period = input.pullEach ? 64 : 1;
  const steady = input.pullEach ? STEADY_CYCLE : STEADY_ONE;
  const begins = [input.from];
  const pulls: number[] = [];
  const waits: number[] = [];
  let armed = 0;
  for (let k = 0; k < steady + period; k++) {
    const pull = k === 0 ? pull0 : input.pullEach ? repeatPullMs(input.seed, input.index, k) : 0;
    const begin = begins[k] ?? 0;
    const exit = begin + pull + TIMING.startMs + runs;
    // flowcontrol.Backoff: the first exit arms it (restart at once); a run longer than the reset
    // window finds the entry expired and arms it again.
    const rearm = k === 0 || exit - begin > TIMING.backoffResetMs;
    const wait = rearm ? 0 : backoffMs(k - armed);
    if (rearm) armed = k;
    pulls.push(pull);
    waits.push(wait);
    begins.push(exit + TIMING.syncMs + wait);
  }
  const block = (begins[steady + period] ?? 0) - (begins[steady] ?? 0);
  return {
    firstPresent,
    pullEach: input.pullEach,
    runsForMs: input.runsForMs,
    exitCode: input.exitCode,
    restarts: true,
    begins,
    pulls,
    waits,
    steady,
    period,
    block,
  };
}

/** The table index and the whole periods added for attempt k. */
function locate(s: RunSchedule, k: number): [number, number] {
  if (k < s.steady + s.period) return [k, 0];
  const periods = Math.floor((k - s.steady) / s.period);
  return [k - periods * s.period, periods * s.block];
}

export const beginOf = (s: RunSchedule, k: number): number => {
  const [i, shift] = locate(s, k);
  return (s.begins[i] ?? 0) + shift;
};
export const pullOf = (s: RunSchedule, k: number): number => s.pulls[locate(s, k)[0]] ?? 0;
export const waitOf = (s: RunSchedule, k: number): number => s.waits[locate(s, k)[0]] ?? 0;
export const readyOf = (s: RunSchedule, k: number): number => beginOf(s, k) + pullOf(s, k);
export const startOf = (s: RunSchedule, k: number): number => readyOf(s, k) + TIMING.startMs;
/** When attempt k's process exits (Infinity for a process that runs until stopped). */
export const exitOf = (s: RunSchedule, k: number): number =>
  s.runsForMs === null ? Number.POSITIVE_INFINITY : startOf(s, k) + s.runsForMs;

/** The last attempt begun at or before t, or -1. */
export function attemptAt(s: RunSchedule, t: number): number {
  const first = s.begins[0] ?? 0;
  if (t < first) return -1;
  if (!s.restarts) return 0;
  const steadyAt = s.begins[s.steady] ?? 0;
  if (t < steadyAt) return lastAtOrBefore(s.begins, 0, s.steady, t);
  const periods = Math.floor((t - steadyAt) / s.block);
  const rest = t - periods * s.block;
  return lastAtOrBefore(s.begins, s.steady, s.steady + s.period, rest) + periods * s.period;
}

/** Binary search: the largest i in [lo, hi) with values[i] <= t (values[lo] <= t). */
function lastAtOrBefore(values: number[], lo: number, hi: number, t: number): number {
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    if ((values[mid] ?? 0) <= t) a = mid;
    else b = mid - 1;
  }
  return a;
}

/** The last attempt whose process started at or before t, or -1. */
export function lastStartAt(s: RunSchedule, t: number): number {
  const k = attemptAt(s, t);
  if (k < 0) return -1;
  return startOf(s, k) <= t ? k : k - 1;
}

/** The last attempt whose process exited at or before t, or -1. */
export function lastExitAt(s: RunSchedule, t: number): number {
  const k = attemptAt(s, t);
  if (k < 0) return -1;
  return exitOf(s, k) <= t ? k : k - 1;
}

/**
 * A pull that the registry refuses: attempt a begins at p(a), fails `pullFailMs` later, and the
 * next begins a sync and a back-off of 10 s, 20 s ... 5 min after that.
 */
export function failedPullBegin(from: number, a: number): number {
  let t = from;
  const ramp = Math.min(a, 6);
  for (let i = 0; i < ramp; i++) t += TIMING.pullFailMs + TIMING.syncMs + backoffMs(i + 1);
  return t + (a - ramp) * (TIMING.pullFailMs + TIMING.syncMs + TIMING.backoffCapMs);
}

export function failedPullAttemptAt(from: number, t: number): number {
  if (t < from) return -1;
  let a = 0;
  while (a < 6 && failedPullBegin(from, a + 1) <= t) a++;
  if (a < 6) return a;
  const six = failedPullBegin(from, 6);
  return 6 + Math.floor((t - six) / (TIMING.pullFailMs + TIMING.syncMs + TIMING.backoffCapMs));
}
