import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { suggestions } from '../adapters/discord/autocomplete.ts';
import { createApp } from '../app.ts';
import type { App, ChatCommand } from '../chat/context.ts';
import { execute } from '../chat/dispatch.ts';
import type { KubectlVerb } from '../kubectl/verb.ts';
import { loadLabCatalogue } from '../lab/load.ts';
import { createLogger } from '../log.ts';
import { type BatchedAnswer, executeBatch, type TimedRequest } from '../quiz/answer-batch.ts';
import type { Bank } from '../quiz/banks.ts';
import type { Timers } from '../quiz/live-runner.ts';
import { adoptCommitCounter } from '../store/data-version.ts';
import { type Done, type Job, JobState, type SentAnswer, type WorkerSetup } from './protocol.ts';
import { asSink, type Delivery, type ReplySink } from './sink.ts';
import { runInBackground } from './thread-priority.ts';

/**
 * A worker of the pool: its own SQLite connection and sandbox cache, one job at a time. The
 * platform thread keeps the live quiz runner and its timers; here the runner is never attached,
 * so commands only record their events, which travel back with the reply. The commands are
 * given by the entry module (`worker.ts`; tests add their own).
 */
export function serveJobs(commands: readonly ChatCommand[], verbs: readonly KubectlVerb[]): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort;
  if (port === null) throw new Error('serveJobs runs in a worker thread');
  // Members' commands yield the cores to the platform thread's acks (thread-priority.ts).
  runInBackground();

  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  let now = 0;
  // Timers that never fire: this runner only answers `timed`; the platform thread's runs the quiz.
  const INERT: Timers = { set: () => null, clear: () => {} };
  adoptCommitCounter(setup.dbPath, setup.commits);
  const created = createApp({
    dbPath: setup.dbPath,
    log: createLogger(setup.logLevel, sink),
    clock: () => now,
    defaultLang: setup.defaultLang,
    guide: setup.guideByDefault,
    timers: setup.timed ? INERT : null,
    ...(setup.banks === undefined ? {} : { banks: setup.banks as Bank[] }),
  });
  if (!created.ok) throw new Error(created.error);
  const app = created.value;
  // The labs main loaded, not the built-in ones (main checked them at start-up).
  if (setup.labsDir !== undefined) loadLabCatalogue(setup.labsDir);
  const state = new Int32Array(setup.state);

  /** The last step of every transaction: commit only if the pool has not stopped the job. */
  function claimCommit(): void {
    if (Atomics.compareExchange(state, 0, JobState.running, JobState.committing) !== JobState.running)
      throw new Cancelled('the budget ran out before the commit');
  }

  /** The job is over (committed, rolled back or read-only), unless the pool stopped it first. */
  function finished(): void {
    Atomics.compareExchange(state, 0, JobState.running, JobState.done);
    Atomics.compareExchange(state, 0, JobState.committing, JobState.done);
  }

  /** The adapters' reply sinks (sink.ts), once imported; and the deliveries of the last batch. */
  let sinks = new Map<string, ReplySink>();
  let deliveries: { sink: ReplySink; deliveries: Delivery[] }[] = [];

  /**
   * The answers whose reply a sink takes are handed to it (after the batch's answer has gone to
   * the platform thread); the platform thread gets only their language and events.
   */
  function throughSinks(
    items: readonly TimedRequest[],
    done: BatchedAnswer[],
  ): (BatchedAnswer | SentAnswer)[] {
    if (sinks.size === 0) return done;
    const bySink = new Map<ReplySink, Delivery[]>();
    const answers = done.map((answer, i): BatchedAnswer | SentAnswer => {
      const to = items[i]?.replyTo;
      const sink = to === undefined ? undefined : sinks.get(to.sink);
      if (to === undefined || sink === undefined || !sink.takes(answer.reply)) return answer;
      const list = bySink.get(sink) ?? [];
      if (list.length === 0) bySink.set(sink, list);
      list.push({ address: to.address, reply: answer.reply, lang: answer.lang, now });
      return { sent: true, lang: answer.lang, events: answer.events };
    });
    deliveries = [...bySink].map(([sink, list]) => ({ sink, deliveries: list }));
    return answers;
  }

  function deliver(): void {
    const due = deliveries;
    deliveries = [];
    for (const { sink, deliveries: list } of due) {
      try {
        sink.deliver(list, app.log);
      } catch (error) {
        app.log.error({ err: error, replies: list.length }, 'a reply sink failed');
      }
    }
  }

  function handle(job: Job): Done {
    if (job.kind === 'close') {
      app.close();
      return { kind: 'closed' };
    }
    now = job.now;
    if (job.kind === 'batch') {
      const done = executeBatch(app, commands, job.items, claimCommit);
      finished();
      return { kind: 'batched', id: job.id, done: throughSinks(job.items, done), logs: logs.splice(0) };
    }
    if (job.forget) app.sandboxes.forget(job.kind === 'run' ? job.request : job.key);
    if (job.kind === 'suggest') {
      const offered = suggestions(app, verbs, job.key, job.focus, job.lang);
      finished();
      return { kind: 'suggested', id: job.id, suggestions: offered, logs: logs.splice(0) };
    }
    const done = execute(app, commands, job.request, claimCommit);
    finished();
    return { kind: 'ran', id: job.id, reply: done.reply, events: done.events, logs: logs.splice(0) };
  }

  warmUp(commands, setup);
  void importSinks(setup.sinks ?? {}, app.log).then((imported) => {
    sinks = imported;
    port.on('message', (job: Job) => {
      port.postMessage(handle(job));
      deliver();
    });
    port.postMessage({ kind: 'ready' } satisfies Done);
  });
}

/** Each sink module named in the setup; one that cannot be imported is logged and left out. */
async function importSinks(urls: Record<string, string>, log: App['log']): Promise<Map<string, ReplySink>> {
  const sinks = new Map<string, ReplySink>();
  for (const [name, url] of Object.entries(urls)) {
    try {
      const sink = asSink(await import(url));
      if (sink === null) throw new Error(`${url} exports no takes() and deliver()`);
      sinks.set(name, sink);
    } catch (error) {
      log.error({ err: error, sink: name }, 'a reply sink could not be loaded; its replies go back');
    }
  }
  return sinks;
}

class Cancelled extends Error {}

/**
 * A few everyday commands against a throwaway in-memory database before the worker says it is
 * ready: its first real command then costs what any other does, not the loading and compiling
 * of every module it touches (which on a busy machine can take longer than the budget).
 */
function warmUp(commands: readonly ChatCommand[], setup: WorkerSetup): void {
  const scratch = createApp({
    dbPath: ':memory:',
    log: createLogger('silent'),
    defaultLang: setup.defaultLang,
    guide: setup.guideByDefault,
  });
  if (!scratch.ok) return;
  for (const text of WARM_UP) {
    execute(scratch.value, commands, {
      platform: 'console',
      scope: 'warm-up',
      channel: 'warm-up',
      user: 'warm-up',
      text,
      attachments: [],
    });
  }
  scratch.value.db.close();
}

const WARM_UP = [
  'kubectl run web --image=nginx --labels=app=web',
  'kubectl get po',
  'kubectl get po -l app=web -o wide',
  'kubectl describe po web',
  'kubectl get po web -o yaml',
  'kubectl logs web',
  'kubectl delete po web',
  '/help',
];
