import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import type { Focus, Suggestion } from '../adapters/discord/autocomplete.ts';
import type { App } from '../chat/context.ts';
import { langOf, routingKey, settle } from '../chat/dispatch.ts';
import { type Reply, textReply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { type Answered, eventsOf, type TimedRequest, timedRequest } from '../quiz/answer-batch.ts';
import type { Bank } from '../quiz/banks.ts';
import { commitCounterFor } from '../store/data-version.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import type { Executor } from './executor.ts';
import { type Done, type Job, JobState, type WorkerSetup } from './protocol.ts';
import { spawnWorker, WORKER_ENTRY } from './spawn.ts';

/**
 * Commands in a pool of worker threads, each with its own SQLite connection and sandbox cache.
 * A member's requests run one at a time, in order, on one worker; a worker that served someone
 * else's sandbox since is told to forget its cached copy first, so caches stay coherent. A job
 * still running after its time budget, or over its worker's memory budget, is stopped: the
 * worker is terminated before it can commit (its transaction rolls back), the member is told
 * in plain words, a fresh worker takes its place, and everyone else's requests go on.
 */
export interface PoolOptions {
  dbPath: string;
  /** Default 2. */
  workers?: number;
  /** Wall time a command may run in its worker. Default 2000 ms. */
  timeBudgetMs?: number;
  /** A worker's V8 old-space limit. Default 256 MB. */
  memoryBudgetMb?: number;
  banks?: readonly Bank[];
  /** The labs folder, where it is not the built-in one (`PODIUM_LABS_DIR`): workers load the same labs. */
  labsDir?: string;
  /** The worker module (tests may give another; see spawn.ts). */
  entry?: URL;
  /** Reply sinks by name (sink.ts): modules each worker imports, for the answers that name one. */
  sinks?: Readonly<Record<string, URL>>;
  /** Called when a job is stopped (rate limit by cost; tests). */
  onStopped?: (key: string, reason: Stop) => void;
  /**
   * Keep one more worker started and warm, serving nobody, to take a replaced worker's place at
   * once (a start costs about a second of CPU, which the member's next command would otherwise
   * wait for). Default true. It starts once the serving workers are ready (and `warm()` called).
   */
  spare?: boolean;
  /**
   * Start one worker now, and the others and the spare only once `warm()` is called. Main calls
   * it once the platforms are connected: a worker's start costs about half a second of CPU, and
   * on a two-core machine three of them would slow the platform's own start down; one is ready
   * in time to serve the first command. Default false (all start at once).
   */
  hold?: boolean;
}

export type Stop = 'time' | 'memory';

type Answer =
  | { kind: 'run'; resolve: (reply: Reply) => void }
  /** A batch of quiz answers: one reply each, in order (a refusal is the same for all of them). */
  | { kind: 'batch'; count: number; resolve: (answered: Answered[]) => void }
  | { kind: 'suggest'; resolve: (s: Suggestion[]) => void };

interface Pending {
  key: string;
  lang: () => Lang;
  job: (forget: boolean) => Job;
  answer: Answer;
}

interface Slot {
  serial: number;
  worker: Worker;
  state: Int32Array;
  ready: boolean;
  /** Terminated or crashed: its events no longer count. */
  gone: boolean;
  current: { pending: Pending; id: number; timer: NodeJS.Timeout; startedAt: number } | null;
}

/** What stands for a reply its sink already sent: nothing more to send. */
const SENT: Reply = Object.freeze(textReply('', false, 'private'));

export const DEFAULT_BUDGET = { workers: 2, timeMs: 2000, memoryMb: 256 } as const;

export interface WorkerPool extends Executor {
  /** Resolves once every worker started so far is ready (opened its database, loaded the commands). */
  ready(): Promise<void>;
  /**
   * Another writer on this thread (the Kubernetes API door, src/api) changed the member's
   * sandbox: whichever worker serves them next drops its cached copy first.
   */
  forgetMember(key: string): void;
  /** Starts the workers `PoolOptions.hold` held back; the spare follows once they are ready. */
  warm(): void;
  /** How many replies to quiz answers the workers' reply sinks sent (sink.ts), for operators and the bench. */
  repliesSent(): number;
  /** The workers by serial (the order they were started in), for operators and tests. */
  workers(): {
    serving: { serial: number; ready: boolean }[];
    spare: { serial: number; ready: boolean } | null;
  };
}

export function workerPool(app: App, options: PoolOptions): WorkerPool {
  const size = options.workers ?? DEFAULT_BUDGET.workers;
  const timeMs = options.timeBudgetMs ?? DEFAULT_BUDGET.timeMs;
  const memoryMb = options.memoryBudgetMb ?? DEFAULT_BUDGET.memoryMb;
  const queue: Pending[] = [];
  /** Keys with a job in a worker now: a member's next request waits for the previous one. */
  const busy = new Set<string>();
  /** Which worker (by serial) last served each key, most recent last. */
  const lastServed = new Map<string, number>();
  const slots: Slot[] = [];
  /** The warm worker waiting to replace one (see `spare`), started once the others are ready. */
  let spare: Slot | null = null;
  let held = options.hold === true;
  let serials = 0;
  let jobIds = 0;
  let sent = 0;
  let closing = false;
  const started: (() => void)[] = [];
  const stream = (app.log as unknown as Record<symbol, { write(line: string): void }>)[
    pino.symbols.streamSym
  ];

  const setup = (): WorkerSetup => ({
    dbPath: options.dbPath,
    defaultLang: app.defaultLang,
    guideByDefault: app.guideByDefault,
    timed: app.quiz.runner.timed,
    logLevel: app.log.level,
    ...(options.banks === undefined ? {} : { banks: options.banks }),
    ...(options.labsDir === undefined ? {} : { labsDir: options.labsDir }),
    ...(options.sinks === undefined
      ? {}
      : { sinks: Object.fromEntries(Object.entries(options.sinks).map(([name, url]) => [name, url.href])) }),
    state: new SharedArrayBuffer(4),
    commits: commitCounterFor(options.dbPath),
  });

  function start(index: number): void {
    slots[index] = launch();
  }

  function startSpare(): void {
    if (options.spare !== false && !held && spare === null && !closing) spare = launch();
  }

  function launch(): Slot {
    const data = setup();
    const slot: Slot = {
      serial: ++serials,
      worker: spawnWorker(options.entry ?? WORKER_ENTRY, data, { memoryMb }),
      state: new Int32Array(data.state),
      ready: false,
      gone: false,
      current: null,
    };
    slot.worker.on('message', (done: Done) => {
      if (!slot.gone) received(slot, done);
    });
    slot.worker.on('error', (error: Error & { code?: string }) => {
      if (slot.gone) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        stopped(slot, 'memory');
        return;
      }
      app.log.error({ err: error, worker: slot.serial }, 'executor worker failed');
      crashed(slot);
    });
    slot.worker.on('exit', () => {
      if (!slot.gone && !closing) crashed(slot);
    });
    return slot;
  }

  function received(slot: Slot, done: Done): void {
    if (done.kind === 'ready') {
      slot.ready = true;
      if (slots.every((s) => s.ready)) {
        for (const resolve of started.splice(0)) resolve();
        startSpare();
      }
      pump();
      return;
    }
    if (done.kind === 'closed') return;
    const current = slot.current;
    if (current === null || current.id !== done.id) return;
    clearTimeout(current.timer);
    // Expensive commands slow their member down first (the rate limit charges by cost).
    // A batch of answers is the quiz's, not one member's: each was admitted on its own.
    if (current.pending.answer.kind !== 'batch')
      app.limiter.charge(current.pending.key, performance.now() - current.startedAt, false, app.clock());
    for (const line of done.logs) stream?.write(line);
    free(slot);
    if (done.kind === 'ran' && current.pending.answer.kind === 'run') {
      settle(app, done.events);
      current.pending.answer.resolve(done.reply);
    } else if (done.kind === 'batched' && current.pending.answer.kind === 'batch') {
      settle(app, eventsOf(done.done));
      for (const answer of done.done) if ('sent' in answer) sent++;
      current.pending.answer.resolve(
        done.done.map((answer) =>
          'sent' in answer
            ? { reply: SENT, lang: answer.lang, sent: true }
            : { reply: answer.reply, lang: answer.lang },
        ),
      );
    } else if (done.kind === 'suggested' && current.pending.answer.kind === 'suggest') {
      current.pending.answer.resolve(done.suggestions);
    }
    pump();
  }

  function free(slot: Slot): void {
    if (slot.current !== null) busy.delete(slot.current.pending.key);
    slot.current = null;
    Atomics.store(slot.state, 0, JobState.idle);
  }

  /** Gives every idle worker the first queued job whose member has none running. */
  /**
   * Gives each free worker the first job whose member (or channel) is not already running, on
   * the worker that served that key last when it is free: its cache still holds the sandbox, so
   * it need not reload it (a live quiz's batches of answers, one channel's, stay on one worker).
   */
  function pump(): void {
    for (;;) {
      const free = slots.filter((s) => s.ready && s.current === null);
      if (free.length === 0) return;
      const index = queue.findIndex((p) => !busy.has(p.key));
      if (index === -1) return;
      const [pending] = queue.splice(index, 1);
      if (pending === undefined) return;
      const slot = chooseWorker(free, lastServed.get(pending.key));
      if (slot !== undefined) assign(slot, pending);
    }
  }

  function assign(slot: Slot, pending: Pending): void {
    const forget = lastServed.get(pending.key) !== slot.serial;
    lastServed.delete(pending.key);
    lastServed.set(pending.key, slot.serial);
    if (lastServed.size > 100_000) lastServed.delete(lastServed.keys().next().value ?? pending.key);
    busy.add(pending.key);
    const id = ++jobIds;
    Atomics.store(slot.state, 0, JobState.running);
    const timer = setTimeout(() => overtime(slot, id), timeMs);
    slot.current = { pending, id, timer, startedAt: performance.now() };
    slot.worker.postMessage({ ...pending.job(forget), id });
  }

  function overtime(slot: Slot, id: number): void {
    if (slot.current?.id !== id) return;
    // A job already committing finishes (a commit takes milliseconds); its reply is on its way.
    if (Atomics.compareExchange(slot.state, 0, JobState.running, JobState.cancelled) === JobState.running)
      stopped(slot, 'time');
  }

  /** Over budget: the job's transaction never commits; its member hears why; a new worker starts. */
  function stopped(slot: Slot, reason: Stop): void {
    const current = slot.current;
    const committed = Atomics.load(slot.state, 0) === JobState.done;
    const gone = replace(slot);
    if (current === null) return;
    const { pending } = current;
    app.log.warn({ member: pending.key, reason, budgetMs: timeMs, memoryMb }, 'command over budget stopped');
    options.onStopped?.(pending.key, reason);
    if (pending.answer.kind !== 'batch') app.limiter.charge(pending.key, timeMs, true, app.clock());
    const lang = pending.lang();
    const text = committed
      ? t(lang, 'bot.apology', { id: randomUUID().slice(0, 8) })
      : reason === 'time'
        ? t(lang, 'executor.tooSlow', { seconds: timeMs / 1000 })
        : t(lang, 'executor.tooBig');
    answerAfter(gone, pending, textReply(text, false, 'private'));
    refuseQueued(pending.key);
  }

  /**
   * The member's requests still waiting behind a stopped one go back through the rate limit,
   * which now charges them the stopped command's debt: they are refused in words, instead of
   * each taking a worker down in turn.
   */
  function refuseQueued(key: string): void {
    for (let i = queue.length - 1; i >= 0; i--) {
      const pending = queue[i];
      if (pending?.key !== key) continue;
      const { waitMs } = app.limiter.admit(key, app.clock());
      if (waitMs === 0) continue;
      queue.splice(i, 1);
      const seconds = Math.ceil(waitMs / 1000);
      answerWith(pending, textReply(t(pending.lang(), 'executor.costly', { seconds }), false, 'private'));
    }
  }

  /** The worker died on its own (a bug in the worker, not a budget). */
  function crashed(slot: Slot): void {
    const current = slot.current;
    const gone = replace(slot);
    if (current === null) return;
    const id = randomUUID().slice(0, 8);
    app.log.error({ member: current.pending.key, errorId: id }, 'executor worker exited during a command');
    answerAfter(
      gone,
      current.pending,
      textReply(t(current.pending.lang(), 'bot.apology', { id }), false, 'private'),
    );
  }

  /**
   * Answers once the old worker is gone, and only then lets its member's next request run: the
   * worker's connection (and any write lock it held) closes as the thread ends.
   */
  function answerAfter(gone: Promise<unknown>, pending: Pending, reply: Reply): void {
    busy.add(pending.key);
    void gone.finally(() => {
      busy.delete(pending.key);
      answerWith(pending, reply);
      pump();
    });
  }

  /**
   * Terminates the worker (its open transaction rolls back); the warm spare, if ready, takes its
   * place at once and another spare starts behind it, else a new worker starts in its place.
   */
  function replace(slot: Slot): Promise<number> {
    slot.gone = true;
    if (slot.current !== null) clearTimeout(slot.current.timer);
    free(slot);
    const gone = slot.worker.terminate();
    if (closing) return gone;
    if (slot === spare) {
      // The spare itself died (while starting: a broken database?): retried after a pause.
      spare = null;
      setTimeout(startSpare, 1000).unref();
      return gone;
    }
    const index = slots.indexOf(slot);
    if (index === -1) return gone;
    if (spare?.ready === true) {
      slots[index] = spare;
      spare = null;
      startSpare();
    } else if (slot.ready) start(index);
    // A worker that died while starting is retried after a pause, not in a loop.
    else setTimeout(() => closing || start(index), 1000).unref();
    return gone;
  }

  /**
   * A ready worker first writes what it still holds (replies kept for Share: a clean stop loses
   * none), after the job it may be running; one that does not answer in time is terminated.
   */
  function closeWorker(slot: Slot): Promise<number> {
    if (!slot.ready) return slot.worker.terminate();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      slot.worker.on('message', (message: Done) => message.kind === 'closed' && done());
      slot.worker.once('exit', done);
      slot.worker.postMessage({ kind: 'close', id: 0 } satisfies Job);
    }).then(() => slot.worker.terminate());
  }

  function answerWith(pending: Pending, reply: Reply): void {
    if (pending.answer.kind === 'run') pending.answer.resolve(reply);
    else if (pending.answer.kind === 'batch')
      pending.answer.resolve(
        Array.from({ length: pending.answer.count }, () => ({ reply, lang: pending.lang() })),
      );
    else pending.answer.resolve([]);
  }

  for (let i = 0; i < (held ? Math.min(1, size) : size); i++) start(i);

  return {
    warm: () => {
      if (!held || closing) return;
      held = false;
      for (let i = slots.length; i < size; i++) start(i);
      if (slots.every((s) => s.ready)) startSpare();
    },
    forgetMember: (key: string) => {
      lastServed.delete(key);
    },
    run: (request: Request) =>
      new Promise<Reply>((resolve) => {
        const now = app.clock();
        queue.push({
          key: routingKey(request),
          lang: () => langOf(app, request),
          job: (forget) => ({ kind: 'run', id: 0, request, now, forget }),
          answer: { kind: 'run', resolve },
        });
        pump();
      }),
    runBatch: (key: string, items: readonly TimedRequest[]) =>
      new Promise<Answered[]>((resolve) => {
        const now = app.clock();
        const first = items[0]?.request;
        queue.push({
          key,
          lang: () => (first === undefined ? app.defaultLang : langOf(app, first)),
          job: () => ({
            kind: 'batch',
            id: 0,
            items: items.map(timedRequest),
            now,
            forget: false,
          }),
          answer: { kind: 'batch', count: items.length, resolve },
        });
        pump();
      }),
    suggest: (key: SandboxKey, focus: Focus, lang: Lang) =>
      new Promise<Suggestion[]>((resolve) => {
        const now = app.clock();
        queue.push({
          key: routingKey(key),
          lang: () => lang,
          job: (forget) => ({ kind: 'suggest', id: 0, key, focus, lang, now, forget }),
          answer: { kind: 'suggest', resolve },
        });
        pump();
      }),
    ready: () =>
      new Promise<void>((resolve) => {
        if (slots.every((s) => s.ready)) resolve();
        else started.push(resolve);
      }),
    repliesSent: () => sent,
    workers: () => ({
      serving: slots.map(({ serial, ready }) => ({ serial, ready })),
      spare: spare === null ? null : { serial: spare.serial, ready: spare.ready },
    }),
    async close() {
      closing = true;
      const all = spare === null ? slots : [...slots, spare];
      for (const slot of all) slot.gone = true;
      await Promise.all(all.map(closeWorker));
      for (const pending of queue.splice(0)) answerWith(pending, textReply('', false, 'private'));
    },
  };
}

/** Of the free workers, the one that served the key last, else the first. */
export function chooseWorker<W extends { serial: number }>(
  free: readonly W[],
  last: number | undefined,
): W | undefined {
  return free.find((w) => w.serial === last) ?? free[0];
}
