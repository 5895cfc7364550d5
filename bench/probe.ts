import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Measuring aids for the benchmarks: the main thread's own CPU time and its waits for a core, and
 * an opt-in CPU profile.
 */

/**
 * CPU time (user + system, in ms) used so far by this process's main thread, from Linux's
 * /proc (10 ms ticks); NaN elsewhere. Unlike wall-clock latency it barely moves when other
 * processes compete for the cores, and unlike `process.cpuUsage()` it leaves worker threads out.
 */
export function threadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * How long this process's main thread has waited, in ms, runnable but not running (another
 * thread held its core), and how many times it was given a core, from Linux's schedstat; NaN
 * elsewhere. An ack that waits for a core is late however little work it is; over a burst this is
 * the acks' waits in all (a few long waits, which set the p99, and many short ones look alike).
 */
export function threadWait(): { waitMs: number; runs: number } {
  try {
    const [, wait, runs] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(' ');
    return { waitMs: Number(wait) / 1e6, runs: Number(runs) };
  } catch {
    return { waitMs: Number.NaN, runs: Number.NaN };
  }
}

/**
 * With a file name, a V8 CPU profile of this thread from now until the returned stop is called
 * (read it with `bench/cpuprofile-top.ts`); without one, nothing.
 */
export async function profileTo(file: string | undefined): Promise<() => Promise<void>> {
  if (file === undefined || file === '') return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
