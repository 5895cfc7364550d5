/**
 * client-go's EventCorrelator (tools/record/events_cache.go) as the kubelet runs it for one pod:
 * aggregate, count, then the per-pod spam filter. Its state is a value, so a reader can start it
 * from a state computed in closed form (`kubelet-events.ts`) and replay only a window.
 */
export type EventType = 'Normal' | 'Warning';

export interface PodEvent {
  type: EventType;
  reason: string;
  /** The reporting component: default-scheduler, kubelet, kube-proxy, node-controller. */
  source: string;
  message: string;
  count: number;
  /** Epoch ms of the first and the last recorded occurrence. */
  first: number;
  last: number;
  /** The part of the pod it is about (`spec.containers{kubia}`), for `get events -o wide`. */
  fieldPath?: string;
}

/** One distinct kubelet event, with its correlator keys built once (long histories repeat them). */
export interface Tagged {
  type: EventType;
  reason: string;
  message: string;
  /** Source, object, type and reason: the aggregation key (no fieldPath, no message). */
  aggregateKey: string;
  /** The full dedup key: adds the field path and the message. */
  key: string;
  /**
   * The part of the pod it is about (`spec.containers{kubia}`), kept apart from the key: split out
   * of the key for each written event, it cost a first `describe` ~3 µs of its ~39 (100 pods).
   */
  fieldPath: string;
}

/** A kubelet event about the container at `fieldPath`, with its correlator keys. */
export function tagged(type: EventType, reason: string, message: string, fieldPath: string): Tagged {
  const aggregateKey = `${type}\u0000${reason}`;
  return {
    type,
    reason,
    message,
    aggregateKey,
    key: `${aggregateKey}\u0000${fieldPath}\u0000${message}`,
    fieldPath,
  };
}

export interface Raw {
  at: number;
  event: Tagged;
}

export const AGGREGATE_MAX = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
/**
 * The spam filter's token bucket (golang.org/x/time/rate, burst 25, one token per 5 minutes),
 * counted in exact integers: one unit is one millisecond of refill, a token is 300,000 units.
 */
export const TOKEN_UNITS = 300_000;
export const BURST_UNITS = 25 * TOKEN_UNITS;

export interface CorrelatorState {
  /** Per aggregation key: the distinct messages seen (at most nine kept) and the last time. */
  aggregates: Map<string, { messages: Set<string>; last: number }>;
  /** Per event key (or aggregation key once combined): how many and since when. */
  observed: Map<string, { count: number; first: number }>;
  /** What the API server holds, per key. */
  written: Map<string, PodEvent>;
  bucket: { units: number; at: number };
}

export const freshState = (): CorrelatorState => ({
  aggregates: new Map(),
  observed: new Map(),
  written: new Map(),
  bucket: { units: BURST_UNITS, at: Number.NaN },
});

/**
 * Whether an event with this message is folded into "(combined from similar events)". Go's set
 * pops an arbitrary member once it holds ten messages; we pop the one just inserted, so the nine
 * kept are the first nine seen since the record last expired.
 */
export function combines(record: { messages: Set<string> }, message: string): boolean {
  return !record.messages.has(message) && record.messages.size >= AGGREGATE_MAX - 1;
}

/** Feeds raw events (oldest first) through the correlator. */
export function correlate(raw: readonly Raw[], state: CorrelatorState): CorrelatorState {
  const { aggregates, observed, written, bucket } = state;
  for (const { at, event } of raw) {
    let record = aggregates.get(event.aggregateKey);
    if (record === undefined || at - record.last > AGGREGATE_INTERVAL_MS) {
      record = { messages: new Set(), last: at };
      aggregates.set(event.aggregateKey, record);
    }
    record.last = at;
    const combined = combines(record, event.message);
    if (!combined) record.messages.add(event.message);
    const key = combined ? event.aggregateKey : event.key;
    const seen = observed.get(key);
    if (seen === undefined) observed.set(key, { count: 1, first: at });
    else seen.count += 1;
    // The bucket refills continuously up to the burst.
    bucket.units = Number.isNaN(bucket.at)
      ? BURST_UNITS
      : Math.min(BURST_UNITS, bucket.units + (at - bucket.at));
    bucket.at = at;
    if (bucket.units < TOKEN_UNITS) continue;
    bucket.units -= TOKEN_UNITS;
    written.set(key, {
      type: event.type,
      reason: event.reason,
      source: 'kubelet',
      message: combined ? `(combined from similar events): ${event.message}` : event.message,
      count: seen?.count ?? 1,
      first: seconds(seen?.first ?? at),
      last: seconds(at),
      fieldPath: event.fieldPath,
    });
  }
  return state;
}

/**
 * What `correlate` writes from a fresh state for raw events (oldest first) with fewer than
 * AGGREGATE_MAX distinct keys, no more than the burst, without its maps and sets: no aggregation
 * key can see ten messages (a key holds one) and the burst covers every event, so each is written
 * as it came, an event with the same key as an earlier one counted into it. Undefined otherwise.
 */
export function uncorrelated(raw: readonly Raw[]): PodEvent[] | undefined {
  if (raw.length > BURST_UNITS / TOKEN_UNITS) return undefined;
  const keys: string[] = [];
  const out: PodEvent[] = [];
  for (const { at, event } of raw) {
    // At most nine keys: a scan is cheaper than a map.
    const i = keys.indexOf(event.key);
    const earlier = i < 0 ? undefined : out[i];
    if (earlier === undefined) {
      if (keys.length === AGGREGATE_MAX - 1) return undefined;
      keys.push(event.key);
      out.push({
        type: event.type,
        reason: event.reason,
        source: 'kubelet',
        message: event.message,
        count: 1,
        first: seconds(at),
        last: seconds(at),
        fieldPath: event.fieldPath,
      });
    } else {
      earlier.count += 1;
      earlier.last = seconds(at);
    }
  }
  return out;
}

/** Core events carry metav1.Time: whole seconds. */
export const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
