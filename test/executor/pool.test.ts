import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import { replyText } from '../../src/chat/reply.ts';
import type { Request } from '../../src/chat/request.ts';
import type { Executor } from '../../src/executor/executor.ts';
import { chooseWorker, type WorkerPool, workerPool } from '../../src/executor/pool.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/** The worker pool: budgets stop a command without anyone else noticing, and nothing commits. */
const COSTLY = new URL('./costly-worker.ts', import.meta.url);

const request = (user: string, text: string): Request => ({
  platform: 'discord',
  scope: 'guild',
  channel: 'general',
  user,
  userName: user,
  text,
  attachments: [],
});

describe('worker pool budgets', () => {
  let t: TestApp;
  let dbPath: string;
  let pool: Executor;
  const stops: string[] = [];
  beforeAll(() => {
    dbPath = tempDbPath('podium-pool-');
    t = testApp(dbPath);
    pool = workerPool(t.app, {
      dbPath,
      workers: 2,
      timeBudgetMs: 1500,
      memoryBudgetMb: 64,
      entry: COSTLY,
      onStopped: (key, reason) => stops.push(`${key} ${reason}`),
    });
  });
  afterAll(async () => {
    await pool.close();
  });
  const say = async (user: string, text: string) => replyText(await pool.run(request(user, text)));

  it('GIVEN a pool WHEN a member runs kubectl THEN the worker answers as dispatch does in process', async () => {
    expect(await say('bob', 'kubectl run web --image=nginx')).toBe('pod/web created');
    expect(await say('bob', 'kubectl get po web -o name')).toBe('pod/web');
  });

  it('GIVEN a sandbox a worker has read WHEN the platform thread’s connection writes it THEN the worker’s next command reads the write', async () => {
    expect(await say('bob', 'kubectl get po web -L tier')).toMatch(/^web .*\s$/m);
    // The platform thread's connection (the API door's) writes bob's sandbox: the pool never sees it.
    expect(replyText(dispatch(t.app, CHAT_COMMANDS, request('bob', 'kubectl label po web tier=front')))).toBe(
      'pod/web labeled',
    );
    expect(await say('bob', 'kubectl get po web -L tier')).toMatch(/^web .* front$/m);
  });

  it('GIVEN a command that never returns WHEN it runs THEN it is stopped after the time budget, nothing it wrote commits, and another member is answered meanwhile', async () => {
    const spinning = pool.run(request('mallory', '/spin run leak --image=nginx'));
    // Bob's commands go on while mallory's worker spins.
    expect(await say('bob', 'kubectl get po -o name')).toBe('pod/web');
    const reply = await spinning;
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toMatch(/too expensive.*1\.5 s.*Nothing was changed/s);
    expect(stops).toContain('discord/guild/mallory time');
    // The terminated worker never committed: the pod it created in its transaction is not there.
    expect(await say('mallory', 'kubectl get po leak')).toBe(
      'Error from server (NotFound): pods "leak" not found',
    );
    const db = new BetterSqlite3(dbPath, { readonly: true });
    const leaked = db.prepare("SELECT count(*) AS n FROM objects WHERE name = 'leak'").get() as { n: number };
    db.close();
    expect(leaked.n).toBe(0);
    // Its write lock went with it: the member can write again.
    expect(await say('mallory', 'kubectl run ok --image=nginx')).toBe('pod/ok created');
  });

  it('GIVEN many members at once WHEN one worker is replaced THEN every request is answered, each member in order', async () => {
    const users = ['u1', 'u2', 'u3', 'u4', 'u5'];
    const runs = users.flatMap((u) => [
      pool.run(request(u, `kubectl run ${u} --image=nginx`)),
      pool.run(request(u, `kubectl get po ${u} -o name`)),
    ]);
    const spinning = pool.run(request('mallory', '/spin get po'));
    const texts = (await Promise.all(runs)).map(replyText);
    expect(texts).toEqual(users.flatMap((u) => [`pod/${u} created`, `pod/${u}`]));
    expect(replyText(await spinning)).toMatch(/too expensive/);
  });
});

describe('worker pool memory budget', () => {
  let t: TestApp;
  let pool: Executor;
  const stops: string[] = [];
  beforeAll(() => {
    const dbPath = tempDbPath('podium-pool-');
    t = testApp(dbPath);
    // A heap filling up is slow near its limit (V8 collects again and again): time is no issue here.
    pool = workerPool(t.app, {
      dbPath,
      workers: 1,
      timeBudgetMs: 60_000,
      memoryBudgetMb: 64,
      entry: COSTLY,
      onStopped: (key, reason) => stops.push(`${key} ${reason}`),
    });
  });
  afterAll(async () => {
    await pool.close();
  });
  const say = async (user: string, text: string) => replyText(await pool.run(request(user, text)));

  it("GIVEN a command that fills its heap WHEN it runs THEN it is stopped by the memory budget, in the member's language, and nothing changed", async () => {
    await say('kim', '/lang ko');
    const reply = await pool.run(request('kim', '/hog run big --image=nginx'));
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toMatch(/너무 무거워요.*메모리.*아무것도 바뀌지 않았어요/s);
    expect(stops).toContain('discord/guild/kim memory');
    expect(await say('kim', 'kubectl get po big')).toBe('Error from server (NotFound): pods "big" not found');
  });
});

describe('worker pool spare', () => {
  let pool: WorkerPool;
  beforeAll(() => {
    const dbPath = tempDbPath('podium-pool-');
    const t = testApp(dbPath);
    pool = workerPool(t.app, { dbPath, workers: 1, timeBudgetMs: 1500, entry: COSTLY });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('GIVEN a warm spare WHEN a command is stopped THEN the spare, started before the stop, takes the place at once and another spare warms behind it', async () => {
    await pool.ready();
    await vi.waitFor(() => expect(pool.workers().spare?.ready).toBe(true), { timeout: 60_000, interval: 50 });
    const before = pool.workers();
    const spare = before.spare?.serial ?? 0;
    expect(before.serving.map((w) => w.serial)).not.toContain(spare);

    const reply = await pool.run(request('mallory', '/spin get po'));
    expect(replyText(reply)).toMatch(/too expensive/);
    // The member's next command needs no worker start: the one serving now was already warm.
    const after = pool.workers();
    expect(after.serving).toEqual([{ serial: spare, ready: true }]);
    expect(after.spare?.serial).toBeGreaterThan(spare);
    expect(replyText(await pool.run(request('mallory', 'kubectl get po')))).toBe(
      'No resources found in default namespace.',
    );
  });
});

describe('worker pool held back while the platforms start', () => {
  let pool: WorkerPool;
  beforeAll(() => {
    const dbPath = tempDbPath('podium-pool-');
    const t = testApp(dbPath);
    pool = workerPool(t.app, { dbPath, workers: 2, timeBudgetMs: 1500, entry: COSTLY, hold: true });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('GIVEN hold WHEN the pool starts THEN one worker starts and serves; warm() then starts the second and, once both are ready, the spare', async () => {
    await pool.ready();
    expect(pool.workers()).toEqual({ serving: [{ serial: 1, ready: true }], spare: null });
    expect(replyText(await pool.run(request('ada', 'kubectl get po')))).toBe(
      'No resources found in default namespace.',
    );
    // No spare either while held, however long the start takes.
    expect(pool.workers().spare).toBeNull();

    pool.warm();
    await vi.waitFor(() => expect(pool.workers().spare?.ready).toBe(true), { timeout: 60_000, interval: 50 });
    expect(pool.workers().serving).toEqual([
      { serial: 1, ready: true },
      { serial: 2, ready: true },
    ]);
    expect(pool.workers().spare?.serial).toBe(3);
  });
});

describe('which worker a job goes to', () => {
  it('GIVEN the worker that served the key last is free THEN it gets the job (its cache holds the sandbox); otherwise the first free one', () => {
    const free = [{ serial: 1 }, { serial: 2 }];
    expect(chooseWorker(free, 2)).toEqual({ serial: 2 });
    expect(chooseWorker(free, 3)).toEqual({ serial: 1 });
    expect(chooseWorker(free, undefined)).toEqual({ serial: 1 });
    expect(chooseWorker([], 1)).toBeUndefined();
  });
});
