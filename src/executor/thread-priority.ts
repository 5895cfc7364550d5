import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How much lower than the platform thread the background threads run (the command workers and
 * Slack's posting thread): steps of the nice value, as far as they go. The platform thread acks
 * what Slack and Discord send (Slack gives 3 seconds, and every ack queued behind other work
 * waits); the background threads do the work that can wait a moment. Linux's scheduler (EEVDF)
 * lets a waking thread preempt the running one when its deadline comes first, and a thread's
 * deadline lies further out the lower its weight: at 5 steps (a third of the weight) an ack often
 * waited behind a worker's slice, at 19 (a 68th) it runs at once. Measured with B3 on the 2-core
 * machine under load (medians of 6 rounds, 4 runs each): Podium's ack p99 10-40 ms at 19 steps,
 * 27-238 ms at 5, bare Bolt's 8-70 ms. Nice values weigh threads against the others of their
 * scheduling group (with autogroup or a service's cgroup, those of their own process), so this
 * takes nothing from other programs' share; and when the platform thread is idle, the background
 * threads have the cores to themselves.
 */
export const BACKGROUND_NICE_STEPS = 19;

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
