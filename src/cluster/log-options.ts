import type { LogLine } from './logs.ts';
import { timestamp } from './logs.ts';

/**
 * PodLogOptions as the kubelet applies them to a container's log (kuberuntime ReadLogs), for
 * both doors: the lines from `sinceSeconds` ago or from `sinceTime` on, the last `tailLines` of
 * those (both keep a suffix of a log in time order, so their order does not matter), each after
 * its runtime timestamp when asked, and the whole stream cut after `limitBytes` bytes, mid-line
 * if need be (the kubelet's limited writer).
 */
export interface LogOptions {
  /** Whole seconds, as kubectl sends them. */
  sinceSeconds: number | null;
  /** Milliseconds since the epoch, at a whole second (metav1.Time travels as RFC 3339). */
  sinceTime: number | null;
  tailLines: number | null;
  timestamps: boolean;
  limitBytes: number | null;
}

export function servedLog(lines: readonly LogLine[], now: number, options: LogOptions): string {
  const from =
    options.sinceTime !== null
      ? options.sinceTime
      : options.sinceSeconds !== null && options.sinceSeconds > 0
        ? now - options.sinceSeconds * 1000
        : null;
  const recent = from === null ? lines : lines.filter((l) => l.at >= from);
  const tail = options.tailLines;
  const shown = tail !== null && tail >= 0 ? recent.slice(Math.max(0, recent.length - tail)) : recent;
  const text = shown.map((l) => `${options.timestamps ? `${timestamp(l.at)} ` : ''}${l.text}\n`).join('');
  const limit = options.limitBytes;
  if (limit === null || limit <= 0) return text;
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= limit ? text : bytes.subarray(0, limit).toString('utf8');
}
