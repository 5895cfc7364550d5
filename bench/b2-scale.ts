import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAT_COMMANDS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import type { App } from '../src/chat/context.ts';
import { execute } from '../src/chat/dispatch.ts';
import { PODIUM_NODE_FLAGS } from '../src/executor/heap.ts';
import { createLogger } from '../src/log.ts';
import { entryArgs } from './here.ts';
import { summarize, type Timings } from './stats.ts';

/**
 * B2: does cost grow with the number of members? 10,000 sandboxes of 10 pods each, built through
 * the real dispatch; then `get po -l` in one sandbox, beside the same query in a database that
 * holds one sandbox. Also the database size and the process's resident memory.
 */
export interface B2 {
  sandboxes: number;
  dbBytes: number;
  /** Resident memory of the process that built the database (its heap's high-water mark). */
  rssBytes: number;
  /**
   * A fresh process serving that database: `get -l` for every member, its RSS after that, then one
   * member 5,000 times; `served` different members, `failed` replies that did not list the pods.
   */
  serving: Serving;
  /** The same, in a fresh process serving the database of one sandbox: what `serving` is compared with. */
  servingOne: Serving;
  buildSeconds: number;
  big: Timings;
  single: Timings;
  ratio: number;
  /** One member's p99 served from 10,000 sandboxes over the same from one, both fresh processes. */
  servingRatio: number;
}

export interface Serving {
  rssBytes: number;
  served: number;
  failed: number;
  manyMembers: Timings;
  oneMember: Timings;
}

/** Through `execute`, without the rate limiter (see b2-serve.ts); a failed command stops the bench. */
function members(app: App, user: string, text: string): void {
  const { reply } = execute(app, CHAT_COMMANDS, {
    platform: 'slack',
    scope: 'T1',
    channel: 'C1',
    user,
    text,
    attachments: [],
  });
  if (!reply.ok) throw new Error(`B2: ${text} failed for ${user}: ${JSON.stringify(reply.blocks)}`);
}

function fill(app: App, user: string): void {
  for (let p = 0; p < 10; p++)
    members(app, user, `kubectl run pod${p} --image=nginx --labels=app=web,tier=t${p % 3}`);
}

function query(app: App, user: string, runs: number): Timings {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    members(app, user, "kubectl get po -l 'tier in (t1,t2)'");
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export function benchScale(count = 10_000): B2 {
  const dir = mkdtempSync(join(tmpdir(), 'podium-b2-'));
  const bigPath = join(dir, 'big.db');
  const big = createApp({ dbPath: bigPath, log: createLogger('silent') });
  const singlePath = join(dir, 'single.db');
  const single = createApp({ dbPath: singlePath, log: createLogger('silent') });
  if (!big.ok || !single.ok) throw new Error('cannot open the bench databases');
  const start = performance.now();
  for (let u = 0; u < count; u++) fill(big.value, `U${u}`);
  const buildSeconds = (performance.now() - start) / 1000;
  fill(single.value, 'U0');
  const probe = `U${Math.floor(count / 2)}`;
  const bigTimes = query(big.value, probe, 2_000);
  const singleTimes = query(single.value, 'U0', 2_000);
  big.value.db.pragma('wal_checkpoint(TRUNCATE)');
  single.value.db.pragma('wal_checkpoint(TRUNCATE)');
  const rssBytes = process.memoryUsage().rss;
  big.value.db.close();
  single.value.db.close();
  const dbBytes = statSync(bigPath).size;
  const serving = serve(bigPath, count);
  const servingOne = serve(singlePath, 1, count);
  // The databases (300 MB for 10,000) are not kept: the machine is shared.
  rmSync(dir, { recursive: true, force: true });
  return {
    serving,
    servingOne,
    sandboxes: count,
    dbBytes,
    rssBytes,
    buildSeconds,
    big: bigTimes,
    single: singleTimes,
    ratio: bigTimes.p99 / singleTimes.p99,
    servingRatio: serving.oneMember.p99 / servingOne.oneMember.p99,
  };
}

/** b2-serve.ts on the database at `path` of `count` members (`rounds` queries first), in a process of its own. */
function serve(path: string, count: number, rounds = count): Serving {
  // Node started as `npm start` starts Podium (its young generation, src/executor/heap.ts).
  const args = [...PODIUM_NODE_FLAGS, ...entryArgs('b2-serve'), path, String(count), String(rounds)];
  const served = spawnSync(process.execPath, args, {
    encoding: 'utf8',
  });
  if (served.status !== 0) throw new Error(`B2: b2-serve failed: ${served.stderr}`);
  return JSON.parse(served.stdout.trim().split('\n').pop() ?? '{}') as Serving;
}
