import type { Worker } from 'node:worker_threads';
import { workerThread } from '../../executor/spawn.ts';
import { type Answered, postJson } from './post-json.ts';

/**
 * The thread that makes the `response_url` requests (posting-worker.ts), so the thread that acks
 * Slack's clicks spends on each answer only the hand-over: in a live quiz every click has a
 * private confirmation, and each request's HTTP work on the acking thread delayed the next acks.
 * One per process, started on first use and never holding the process open. If it cannot
 * start, or dies, its unanswered requests and all later ones are made inline (null here).
 */
export interface PostingThread {
  post(url: string, body: string): Promise<Answered>;
}

/** One request handed to the thread, and the answer it sends back for it. */
export type Posting = { id: number; url: string; body: string };
export type Posted = { id: number; answered?: Answered; error?: string };

const ENTRY = new URL(`./posting-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

let thread: PostingThread | null | undefined;
let running: Worker | undefined;

export function postingThread(): PostingThread | null {
  if (thread === undefined) thread = start();
  return thread;
}

/** Whether the thread is up (started, and neither failed nor closed since). */
export const postingThreadRunning = (): boolean =>
  running !== undefined && thread !== null && thread !== undefined;

/** Stops the thread as the bot stops (what it had not sent goes inline); the next use starts one. */
export async function closePostingThread(): Promise<void> {
  const worker = running;
  running = undefined;
  thread = undefined;
  if (worker !== undefined) await worker.terminate();
}

function start(): PostingThread | null {
  let worker: Worker;
  try {
    worker = workerThread(ENTRY, {});
  } catch {
    return null;
  }
  worker.unref();
  running = worker;
  let next = 0;
  const pending = new Map<
    number,
    { url: string; body: string; resolve: (a: Answered) => void; reject: (e: unknown) => void }
  >();
  // The thread is gone: what it had not answered is sent inline, and so is everything after.
  const fail = () => {
    if (running === worker) thread = null;
    for (const p of pending.values()) postJson(p.url, p.body).then(p.resolve, p.reject);
    pending.clear();
  };
  worker.on('message', (replies: Posted[]) => {
    for (const reply of replies) {
      const waiting = pending.get(reply.id);
      if (waiting === undefined) continue;
      pending.delete(reply.id);
      if (reply.answered !== undefined) waiting.resolve(reply.answered);
      else waiting.reject(new Error(reply.error ?? 'the posting thread failed'));
    }
  });
  worker.on('error', fail);
  worker.on('exit', fail);
  // The requests handed over in one turn of the event loop go as one message (a live quiz hands
  // over several confirmations a turn): each message costs both threads more than its contents.
  let outgoing: Posting[] = [];
  const send = () => {
    const batch = outgoing;
    outgoing = [];
    // A thread that failed meanwhile took these with it: `fail` sent them inline.
    if (running === worker && thread !== null) worker.postMessage(batch);
  };
  return {
    post(url, body) {
      next += 1;
      const id = next;
      return new Promise((resolve, reject) => {
        pending.set(id, { url, body, resolve, reject });
        // A pending request keeps the process alive, as an inline one would.
        if (pending.size === 1) worker.ref();
        outgoing.push({ id, url, body });
        if (outgoing.length === 1) queueMicrotask(send);
      }).finally(() => {
        if (pending.size === 0) worker.unref();
      }) as Promise<Answered>;
    },
  };
}
