import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closePostingThread, postingThread } from '../../src/adapters/slack/posting-thread.ts';
import { replyText } from '../../src/chat/reply.ts';
import { type WorkerPool, workerPool } from '../../src/executor/pool.ts';
import { BACKGROUND_NICE_STEPS } from '../../src/executor/thread-priority.ts';
import { testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/** Each of this process's threads by its name (`comm`) with its nice value, from Linux's /proc. */
function threads(): { tid: number; name: string; nice: number }[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ tid: Number(tid), name, nice: Number(fields[16]) }];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

/** This (the main) thread's nice value: whatever the test run was started with. */
const mainNice = () => threads().find((t) => t.tid === process.pid)?.nice ?? 0;
const START = mainNice();
const lowered = () => threads().filter((t) => t.nice === Math.min(19, START + BACKGROUND_NICE_STEPS));

/**
 * The platform thread acks what the chat platforms send; the command workers and the Slack posting
 * thread run at a lower priority, so on a full machine the acks get the core first.
 */
describe.skipIf(process.platform !== 'linux')('background threads yield to the platform thread', () => {
  let pool: WorkerPool | undefined;
  afterAll(async () => {
    await pool?.close();
    await closePostingThread();
  });

  it('GIVEN a pool of two workers WHEN it is ready THEN both run lowered and this thread does not', async () => {
    const before = lowered().length;
    const dbPath = tempDbPath('podium-priority-');
    const t = testApp(dbPath);
    pool = workerPool(t.app, { dbPath, workers: 2, spare: false });
    await pool.ready();
    expect(
      replyText(
        await pool.run({
          platform: 'console',
          scope: 's',
          channel: 'c',
          user: 'u',
          text: 'kubectl get ns -o name',
          attachments: [],
        }),
      ),
    ).toContain('namespace/default');
    expect(lowered().length - before).toBeGreaterThanOrEqual(2);
    expect(mainNice()).toBe(START);
  });

  it('GIVEN the Slack posting thread WHEN it starts THEN it runs lowered too', async () => {
    const before = lowered().length;
    expect(postingThread()).not.toBeNull();
    // It lowers itself first thing; wait for it to have started.
    for (let i = 0; i < 200 && lowered().length === before; i++) await new Promise((r) => setTimeout(r, 25));
    expect(lowered().length).toBe(before + 1);
  });
});
