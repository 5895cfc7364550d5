import { goDuration } from '../../go/duration.ts';
import { findImage } from '../images.ts';
import type { Pod } from '../model.ts';
import { type ContainerStatus, podRef, type Timeline } from './container-status.ts';
import {
  AGGREGATE_MAX,
  type CorrelatorState,
  combines,
  correlate,
  type EventType,
  freshState,
  type PodEvent,
  type Raw,
  type Tagged,
  TOKEN_UNITS,
  tagged,
  uncorrelated,
} from './correlator.ts';
import { countOccurrences } from './occurrence-counts.ts';
import { type Occurrence, occurrences } from './occurrences.ts';
import { attemptAt, failedPullAttemptAt } from './schedule.ts';
import { TIMING } from './stages.ts';

/** Events live this long after their last update (the API server's --event-ttl). */
export const EVENT_TTL_MS = 60 * 60_000;
/** The first stretch of a pod's life is replayed event by event: the back-offs ramp up there. */
const EARLY_MS = 30 * 60_000;
/**
 * A pod whose later life is not regular (see `fastForward`) is replayed exactly up to this many
 * events (a long sleep between restarts makes few); past that, only over the last day, from a
 * fresh correlator (its counts then start a day ago).
 */
const IRREGULAR_REPLAY_MAX = 50_000;
const IRREGULAR_REPLAY_MS = 24 * 60 * 60_000;

interface Source {
  pod: Pod;
  containers: readonly ContainerStatus[];
  tag: (index: number, o: Occurrence) => Tagged[];
}

/**
 * The kubelet's events about a pod as the API server holds them at `now` (before the TTL).
 * Kept per pod with the correlator's state (`describe` of a pod asks again and again): while none
 * of the pod's containers has had an occurrence since, the kept answer holds; after a few, the
 * kept correlator goes on over just those (a fold: the same state as one replay over all), so a
 * crash loop's events cost its latest restarts, not its whole history.
 */
export function kubeletEvents(
  pod: Pod,
  containers: readonly ContainerStatus[],
  bound: number,
  now: number,
): PodEvent[] {
  const known = kept.get(pod);
  if (known !== undefined && known.bound === bound && known.at <= now && now - known.at <= KEEP_CHECKED_MS) {
    // The same status as at the kept answer with every container running: none has exited since
    // (an exit changes the status), and a running container does nothing the kubelet reports.
    const quiet = known.containers === containers && containers.every((c) => c.state.kind === 'running');
    const since = quiet ? [] : raw({ pod, containers, tag: known.tag }, known.at, now);
    if (!since.some((r) => r.at > known.at)) {
      known.at = now;
      known.containers = containers;
      return known.events;
    }
    // The kept state is carried on in place: the answers given from it were copied out of it.
    const state = correlate(
      since.filter((r) => r.at > known.at),
      known.state ?? correlate(known.replay, freshState()),
    );
    const events = written(state);
    kept.set(pod, { events, at: now, bound, state, replay: [], containers, tag: known.tag });
    return events;
  }
  const tag = tagger(pod, containers);
  const young = youngKubeletEvents({ pod, containers, tag }, bound, now);
  const { events, state } = young ?? derived({ pod, containers, tag }, bound, now);
  if (young !== undefined || state !== undefined)
    kept.set(pod, { events, at: now, bound, state, replay: young?.replay ?? [], containers, tag });
  else kept.delete(pod);
  return events;
}

/**
 * A young pod's events (derived's first case, its first `describe` nearly always), from one list
 * of its kubelet's raw events. When they are few (scheduled, pulled, created, started; a crash
 * loop's first minutes) the correlator could not combine any or run out of its burst: they are
 * written as they came, counted by key, and its state is left to be replayed from them if the
 * pod's containers do something more. A running pod's first `describe` (100-pod sandbox, `get po` before it):
 * kubeletEvents p50 14.6 -> 10.6 µs; a crash-looping one's no longer lists its raw events twice.
 */
function youngKubeletEvents(
  source: Source,
  bound: number,
  now: number,
): { events: PodEvent[]; state: CorrelatorState | undefined; replay: readonly Raw[] } | undefined {
  if (now - EVENT_TTL_MS - 1000 > bound + EARLY_MS) return undefined;
  const replay = raw(source, Number.NEGATIVE_INFINITY, now);
  const events = uncorrelated(replay);
  if (events !== undefined) return { events, state: undefined, replay };
  const state = correlate(replay, freshState());
  return { events: written(state), state, replay: [] };
}

/** Pods are immutable values (a change makes a new object): the object is the key. */
const kept = new WeakMap<
  Pod,
  {
    events: PodEvent[];
    at: number;
    bound: number;
    /** The correlator's state, or undefined until it is replayed from `replay`. */
    state: CorrelatorState | undefined;
    replay: readonly Raw[];
    /** The status's containers the answer was last checked with. */
    containers: readonly ContainerStatus[];
    /** The pod's tagger, its events' wording kept by occurrence (the pod's spec fixes it). */
    tag: Source['tag'];
  }
>();
/** Past this gap the events are derived again rather than carried on (the gap's events are replayed). */
const KEEP_CHECKED_MS = 10 * 60_000;

/**
 * The events derived afresh (what the kept ones must equal, as `describe` shows them). The
 * correlator is replayed over the pod's first half hour, then fast-forwarded in closed form to an
 * hour before `now` (counts from the schedule, the spam filter's tokens from its fixed period),
 * and replayed over that last hour: the cost is the same at any age. `exact` is false for the one
 * answer that is not a full replay's (an irregular pod's last day only), which moves with `now`.
 */
export function derivedKubeletEvents(
  pod: Pod,
  containers: readonly ContainerStatus[],
  bound: number,
  now: number,
): { events: PodEvent[]; exact: boolean; state?: CorrelatorState } {
  return derived({ pod, containers, tag: tagger(pod, containers) }, bound, now);
}

function derived(
  source: Source,
  bound: number,
  now: number,
): { events: PodEvent[]; exact: boolean; state?: CorrelatorState } {
  const windowStart = now - EVENT_TTL_MS - 1000;
  const early = bound + EARLY_MS;
  const exact = (state: CorrelatorState) => ({ events: written(state), exact: true, state });
  if (windowStart <= early) return exact(correlate(raw(source, Number.NEGATIVE_INFINITY, now), freshState()));
  const state = correlate(raw(source, Number.NEGATIVE_INFINITY, early - 1), freshState());
  if (fastForward(source, state, early, windowStart))
    return exact(correlate(raw(source, windowStart, now), state));
  // Not regular: replayed exactly when that is cheap (few events), else over the last day only.
  if (eventsBetween(source, early, now) <= IRREGULAR_REPLAY_MAX)
    return exact(correlate(raw(source, early, now), state));
  const lastDay = correlate(raw(source, now - IRREGULAR_REPLAY_MS, now), freshState());
  return { events: written(lastDay), exact: false };
}

function eventsBetween(source: Source, from: number, until: number): number {
  let total = 0;
  source.containers.forEach((c, i) => {
    for (const { sample, count } of countOccurrences(c.timeline, from, until).values())
      total += count * source.tag(i, sample).length;
  });
  return total;
}

/** The same events replayed one by one from binding (what `kubeletEvents` must equal; for tests). */
export function replayedKubeletEvents(
  pod: Pod,
  containers: readonly ContainerStatus[],
  now: number,
): PodEvent[] {
  const source: Source = { pod, containers, tag: tagger(pod, containers) };
  return written(correlate(raw(source, Number.NEGATIVE_INFINITY, now), freshState()));
}

const written = (state: CorrelatorState): PodEvent[] => [...state.written.values()];

/** The kubelet's raw events with lo <= at <= hi, oldest first (containers in order at one instant). */
function raw(source: Source, lo: number, hi: number): Raw[] {
  const out: Raw[] = [];
  source.containers.forEach((c, i) => {
    for (const o of occurrences(c.timeline, lo, hi))
      for (const event of source.tag(i, o)) out.push({ at: o.at, event });
  });
  // Each container's come oldest first: with one container (or ones in step) there is nothing
  // to sort, and a sort that changes nothing (it is stable) was ~1 µs of a first `describe`.
  for (let i = 1; i < out.length; i++)
    if ((out[i - 1] as Raw).at > (out[i] as Raw).at) return out.sort((a, b) => a.at - b.at);
  return out;
}

/**
 * Moves the correlator from `from` to `until` without replaying, when the pod's later life is
 * regular: some container keeps producing events at least every 5 minutes (a crash loop, a pull
 * back-off, a Never pull), so the spam filter stays out of tokens and refills one every 5 minutes
 * on a fixed beat; and each aggregation key either never reaches ten messages or already keeps
 * its nine (so which events are "combined" no longer changes). Returns false when it is not.
 */
function fastForward(source: Source, state: CorrelatorState, from: number, until: number): boolean {
  const { containers } = source;
  if (!containers.some((c) => dense(c.timeline, from))) return false;
  if (containers.some((c) => !settled(c.timeline, from))) return false;
  const { bucket } = state;
  if (Number.isNaN(bucket.at) || bucket.units >= TOKEN_UNITS) return false;
  // Which messages each aggregation key can still see, and whether its nine are fixed.
  const tallies = containers.map((c) => countOccurrences(c.timeline, from, until));
  const later = new Map<string, Set<string>>();
  tallies.forEach((tally, i) => {
    for (const { sample } of tally.values())
      for (const e of source.tag(i, sample)) {
        const messages = later.get(e.aggregateKey) ?? new Set();
        messages.add(e.message);
        later.set(e.aggregateKey, messages);
      }
  });
  // A key seen by a dense container never goes 10 minutes without an event: its record never expires.
  const steady = new Set<string>();
  tallies.forEach((tally, i) => {
    if (!dense(containers[i]?.timeline ?? { kind: 'neverPull', from: 0 }, from)) return;
    for (const { sample } of tally.values())
      for (const e of source.tag(i, sample)) steady.add(e.aggregateKey);
  });
  for (const [aggregateKey, messages] of later) {
    const record = state.aggregates.get(aggregateKey);
    const known = new Set([...(record?.messages ?? []), ...messages]);
    if (known.size < AGGREGATE_MAX) continue;
    if (record === undefined || record.messages.size < AGGREGATE_MAX - 1 || !steady.has(aggregateKey))
      return false;
  }
  // Counts: every occurrence in [from, until) under the key it is counted by.
  const lastBefore = lastEventBefore(source, until);
  tallies.forEach((tally, i) => {
    for (const { sample, count, first } of tally.values())
      for (const e of source.tag(i, sample)) {
        const record = state.aggregates.get(e.aggregateKey);
        const combined = record !== undefined && combines(record, e.message);
        if (record === undefined)
          state.aggregates.set(e.aggregateKey, { messages: new Set([e.message]), last: lastBefore });
        else {
          if (!combined) record.messages.add(e.message);
          record.last = lastBefore;
        }
        const key = combined ? e.aggregateKey : e.key;
        const seen = state.observed.get(key);
        if (seen === undefined) state.observed.set(key, { count, first });
        else {
          seen.count += count;
          seen.first = Math.min(seen.first, first);
        }
      }
  });
  // The bucket: out of tokens since `bucket.at`, one refills every TOKEN_UNITS ms and is spent
  // by the first event after it, so the next threshold keeps a fixed beat.
  const threshold = bucket.at + (TOKEN_UNITS - bucket.units);
  if (lastBefore < threshold) bucket.units += lastBefore - bucket.at;
  else bucket.units = (lastBefore - threshold) % TOKEN_UNITS;
  bucket.at = lastBefore;
  return true;
}

/** The last raw event before t (a dense container has one in the last 5 minutes). */
function lastEventBefore(source: Source, t: number): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const c of source.containers) {
    const recent = occurrences(c.timeline, t - TOKEN_UNITS - TIMING.resyncMs, t - 1);
    const at = recent.at(-1)?.at;
    if (at !== undefined) last = Math.max(last, at);
  }
  return last;
}

/** A container past its ramp whose events never leave a gap of 5 minutes from `t` on. */
function dense(timeline: Timeline, t: number): boolean {
  if (timeline.kind === 'neverPull') return true;
  if (timeline.kind === 'pullFails') return failedPullAttemptAt(timeline.from, t) >= 6;
  const s = timeline.schedule;
  if (!s.restarts || s.runsForMs === null || attemptAt(s, t) < 7) return false;
  const rows = s.waits.slice(7);
  return rows.every((w) => w === TIMING.backoffCapMs) && s.runsForMs + TIMING.syncMs < TOKEN_UNITS;
}

/** A container whose back-off no longer ramps (or that has nothing more to do) from `t` on. */
function settled(timeline: Timeline, t: number): boolean {
  if (timeline.kind !== 'runs') return dense(timeline, t);
  const s = timeline.schedule;
  if (!s.restarts || s.runsForMs === null) return attemptAt(s, t) >= 0;
  return attemptAt(s, t) >= 7;
}

const TAGS_KEPT = 256;

/** Tags each occurrence with the kubelet's events (their keys built once per kind). */
function tagger(pod: Pod, containers: readonly ContainerStatus[]): Source['tag'] {
  const cache = new Map<string, Tagged[]>();
  return (index, o) => {
    const c = containers[index];
    if (c === undefined) return [];
    const id = `${index}\u0000${o.kind === 'pulled' ? `pulled:${o.ms}` : o.kind}`;
    const known = cache.get(id);
    if (known !== undefined) return known;
    const fieldPath = `spec.containers{${c.name}}`;
    const events = describeOccurrence(o, c.image, c.name, pod).map(([type, reason, message]) =>
      tagged(type, reason, message, fieldPath),
    );
    // Kept with the pod's events, the tagger lives as long as they do: each pull's duration is a
    // key of its own, so the cache is bounded.
    if (cache.size >= TAGS_KEPT) cache.clear();
    cache.set(id, events);
    return events;
  };
}

/** The kubelet's wording for each thing it did (pkg/kubelet/images, kuberuntime). */
function describeOccurrence(
  o: Occurrence,
  image: string,
  container: string,
  pod: Pod,
): [EventType, string, string][] {
  switch (o.kind) {
    case 'pulling':
      return [['Normal', 'Pulling', `Pulling image "${image}"`]];
    case 'pulled': {
      const took = goDuration(o.ms);
      return [
        [
          'Normal',
          'Pulled',
          `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSize(image)} bytes.`,
        ],
      ];
    }
    case 'present':
      return [['Normal', 'Pulled', `Container image "${image}" already present on machine`]];
    case 'pullFailed':
      return [
        ['Warning', 'Failed', `Failed to pull image "${image}": ${o.message}`],
        ['Warning', 'Failed', 'Error: ErrImagePull'],
      ];
    case 'pullBackOff':
      return [
        ['Normal', 'BackOff', `Back-off pulling image "${image}"`],
        ['Warning', 'Failed', 'Error: ImagePullBackOff'],
      ];
    case 'neverPull':
      return [
        [
          'Warning',
          'ErrImageNeverPull',
          `Container image "${image}" is not present with pull policy of Never`,
        ],
        ['Warning', 'Failed', 'Error: ErrImageNeverPull'],
      ];
    case 'created':
      return [['Normal', 'Created', `Created container: ${container}`]];
    case 'started':
      return [['Normal', 'Started', `Started container ${container}`]];
    case 'backOff':
      return [
        ['Warning', 'BackOff', `Back-off restarting failed container ${container} in pod ${podRef(pod)}`],
      ];
  }
}

const imageSize = (image: string): number => findImage(image)?.sizeBytes ?? 0;
