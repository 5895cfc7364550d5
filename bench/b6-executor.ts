import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAT_COMMANDS, KUBECTL_VERBS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import type { App } from '../src/chat/context.ts';
import type { Request } from '../src/chat/request.ts';
import { type Executor, inProcessExecutor, serve } from '../src/executor/executor.ts';
import { workerPool } from '../src/executor/pool.ts';
import { createLogger } from '../src/log.ts';
import { COMPILED } from './here.ts';
import { summarize, type Timings } from './stats.ts';

/**
 * B6: where commands run.
 *   hop     `kubectl get po` on a 20-pod sandbox, one after another, in process and through the
 *           worker pool: the difference is what the thread hop costs per command;
 *   attack  for `seconds`, mallory sends a command that never ends (test/executor/costly-worker.ts)
 *           every 250 ms, through the door (rate limit by cost included), while 20 other members
 *           each send `kubectl get po` every 500 ms: their p99, beside the target of 100 ms.
 */
export interface B6 {
  inProcess: Timings;
  pool: Timings;
  hopMs: number;
  attack: { second: Timings; stopped: number; refused: number; seconds: number };
}

const request = (user: string, text: string): Request => ({
  platform: 'discord',
  scope: 'bench',
  channel: 'bench',
  user,
  text,
  attachments: [],
});

function appOn(dbPath: string): App {
  const app = createApp({ dbPath, log: createLogger('silent') });
  if (!app.ok) throw new Error(app.error);
  return app.value;
}

async function timed(executor: Executor, app: App, user: string, text: string): Promise<number> {
  const start = performance.now();
  await serve(app, executor, request(user, text));
  return performance.now() - start;
}

async function hop(executor: Executor, app: App, ops: number): Promise<Timings> {
  for (let i = 0; i < 20; i++) await executor.run(request('hop', `kubectl run p${i} --image=nginx`));
  for (let i = 0; i < 50; i++) await executor.run(request('hop', 'kubectl get po'));
  const samples: number[] = [];
  // Each op as a different member's turn in the rate limit: the hop is measured, not the limit.
  for (let i = 0; i < ops; i++) samples.push(await timed(executor, app, 'hop', 'kubectl get po'));
  return summarize(samples);
}

export async function benchExecutor(ops = 1000, seconds = 20): Promise<B6> {
  const dir = mkdtempSync(join(tmpdir(), 'podium-b6-'));
  const local = appOn(join(dir, 'local.db'));
  local.limiter.admit = () => ({ waitMs: 0, costly: false });
  const inProcess = await hop(inProcessExecutor(local, CHAT_COMMANDS, KUBECTL_VERBS), local, ops);

  const pooledPath = join(dir, 'pool.db');
  const pooledApp = appOn(pooledPath);
  const pool = workerPool(pooledApp, { dbPath: pooledPath, workers: 2 });
  await pool.ready();
  pooledApp.limiter.admit = () => ({ waitMs: 0, costly: false });
  const pooled = await hop(pool, pooledApp, ops);
  await pool.close();

  const attackPath = join(dir, 'attack.db');
  const app = appOn(attackPath);
  const costly = COMPILED
    ? new URL('./costly-worker.js', import.meta.url)
    : new URL('../test/executor/costly-worker.ts', import.meta.url);
  const attacked = workerPool(app, { dbPath: attackPath, workers: 2, entry: costly });
  await attacked.ready();
  const members = Array.from({ length: 20 }, (_, i) => `member${i}`);
  for (const m of members) await serve(app, attacked, request(m, 'kubectl run web --image=nginx'));
  const end = Date.now() + seconds * 1000;
  const second: number[] = [];
  let stopped = 0;
  let refused = 0;
  const attacker = (async () => {
    while (Date.now() < end) {
      const reply = await serve(app, attacked, request('mallory', '/spin get po'));
      const text = reply.blocks.map((b) => b.text).join('');
      if (/too expensive/.test(text)) stopped++;
      else refused++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const others = members.map(async (m, i) => {
    await new Promise((resolve) => setTimeout(resolve, (i * 500) / members.length));
    while (Date.now() < end) {
      second.push(await timed(attacked, app, m, 'kubectl get po'));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
  await Promise.all([attacker, ...others]);
  await attacked.close();
  return {
    inProcess,
    pool: pooled,
    hopMs: pooled.p50 - inProcess.p50,
    attack: { second: summarize(second), stopped, refused, seconds },
  };
}
