import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How much lower than the platform thread the background threads run (the command workers and
 * Slack's posting thread): steps of the nice value. The platform thread acks what Slack and
 * Discord send (Slack gives 3 seconds, and every ack queued behind other work waits); the
 * background threads do the work that can wait a moment. On a machine with fewer cores than
 * busy threads the scheduler then gives the acking thread the core first (at 5 steps, about
 * three times the share of a background thread), and when it is idle the background threads
 * have the cores to themselves: nothing is slower on a machine that is not full.
 */
export const BACKGROUND_NICE_STEPS = 5;

/**
 * Lowers the calling thread's own scheduling priority by `steps` (Linux: a thread is a task with
 * a nice value of its own, addressed by its thread id, which `/proc/thread-self` names). Elsewhere,
 * or if the system refuses, nothing changes: the answer says whether it did.
 */
export function runInBackground(steps = BACKGROUND_NICE_STEPS): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isSafeInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(19, getPriority(tid) + steps));
    return true;
  } catch {
    return false;
  }
}
