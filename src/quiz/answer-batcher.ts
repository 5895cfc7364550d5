import { randomUUID } from 'node:crypto';
import type { App } from '../chat/context.ts';
import { admit, langOf } from '../chat/dispatch.ts';
import type { ChannelRef } from '../chat/outbox.ts';
import { textReply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import type { Executor } from '../executor/executor.ts';
import { t } from '../i18n/catalogue.ts';
import type { Answered, ReplyAddress, TimedRequest } from './answer-batch.ts';

/**
 * The platform thread's side of batched answers (`answer-batch.ts`). An adapter acknowledges a
 * click and hands the answer over with the time it arrived; that costs one push. A channel's
 * first answer opens a window (`BATCH_WINDOW_MS`); when it closes, the answers that came in it go
 * to the executor as one batch (one transaction); answers arriving while a batch is being written
 * wait and go as the next one, so under load batches grow instead of queueing. The replies come
 * back a slice per turn of the event loop, so the confirmations an adapter sends for them never
 * hold up the acks of clicks arriving meanwhile.
 */
export interface AnswerBatcher {
  /**
   * Resolves with the answer's reply (and the member's language) once its batch has committed;
   * with `sent` when the executor's reply sink named by `replyTo` already sent it.
   */
  answer(request: Request, at: number, replyTo?: ReplyAddress): Promise<Answered>;
  /** Resolves when every answer handed over so far has its reply. */
  idle(): Promise<void>;
}

/**
 * At most this many answers in one transaction: a batch must stay well inside the time budget (a
 * command answer, graded in a scratch sandbox, costs a few ms; 100 of them about 0.3 s under load).
 */
export const MAX_BATCH = 100;

/**
 * How long a channel's answers gather before they go as one batch. A live quiz's burst is a
 * thousand clicks a second; without a window its batches held one or two answers each, about 700
 * commits (and fsyncs) a second by the worker, whose threads then kept the cores busy under the
 * acks (`npm run bench -- b3`, 24 rounds, six runs each, interleaved: Podium's ack p99 over
 * bare Bolt's 1.14-1.50 at 5 ms against 1.01-2.11 without, lower in five of the six pairs, and
 * the acking thread's CPU 0.31 against 0.33 ms a click). A member's confirmation comes at most
 * this much later, well under what anyone would notice.
 */
export const BATCH_WINDOW_MS = 5;

/** Replies handed back per turn of the event loop. */
export const REPLY_SLICE = 4;

interface Waiting extends TimedRequest {
  resolve: (answered: Answered) => void;
  /** Resolves once the answer's batch has committed (or failed). */
  written: Promise<void>;
  wrote: () => void;
}

interface Channel {
  waiting: Waiting[];
  /** The batch being written. */
  writing: Waiting[];
  /** A flush is scheduled or a batch is being written: new answers join the next one. */
  busy: boolean;
}

const keyOf = (where: ChannelRef): string => `answers/${where.platform}/${where.scope}/${where.channel}`;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const windowClosed = () => new Promise<void>((resolve) => setTimeout(resolve, BATCH_WINDOW_MS));

export function answerBatcher(app: App, executor: Executor): AnswerBatcher {
  const channels = new Map<string, Channel>();
  const pending = new Set<Promise<void>>();

  function schedule(key: string, channel: Channel): void {
    if (channel.busy) return;
    channel.busy = true;
    const flushed: Promise<void> = windowClosed()
      .then(() => flush(key, channel))
      .finally(() => pending.delete(flushed));
    pending.add(flushed);
  }

  async function flush(key: string, channel: Channel): Promise<void> {
    const taken = channel.waiting.splice(0, MAX_BATCH);
    channel.writing = taken;
    const admitted: Waiting[] = [];
    for (const item of taken) {
      const refused = admit(app, item.request);
      if (refused === null) admitted.push(item);
      else item.resolve({ reply: refused, lang: langOf(app, item.request) });
    }
    let replies: Answered[] = [];
    try {
      // The executor keeps only each answer's own fields (the pool copies them for its worker).
      if (admitted.length > 0) replies = await executor.runBatch(key, admitted);
    } catch (error) {
      const id = randomUUID().slice(0, 8);
      app.log.error(
        { err: error, errorId: id, answers: admitted.length },
        'a batch of quiz answers was not run',
      );
      replies = admitted.map((item) => apology(item.request, id));
    }
    channel.writing = [];
    for (const item of taken) item.wrote();
    // The next batch may start being written while these replies go out.
    channel.busy = false;
    if (channel.waiting.length > 0) schedule(key, channel);
    else channels.delete(key);
    for (let i = 0; i < admitted.length; i += REPLY_SLICE) {
      if (i > 0) await nextTurn();
      for (let j = i; j < Math.min(i + REPLY_SLICE, admitted.length); j++) {
        const item = admitted[j];
        if (item !== undefined) item.resolve(replies[j] ?? apology(item.request, 'missing'));
      }
    }
  }

  const apology = (request: Request, id: string): Answered => {
    const lang = langOf(app, request);
    return { reply: textReply(t(lang, 'bot.apology', { id }), false, 'private'), lang };
  };

  // A question closing on its deadline first waits for the answers that came before it.
  app.quiz.runner.awaitAnswers(async (where) => {
    const channel = channels.get(keyOf(where));
    if (channel !== undefined)
      await Promise.all([...channel.writing, ...channel.waiting].map((i) => i.written));
  });

  return {
    answer(request, at, replyTo) {
      return new Promise<Answered>((resolve) => {
        const key = keyOf(request);
        let channel = channels.get(key);
        if (channel === undefined) {
          channel = { waiting: [], writing: [], busy: false };
          channels.set(key, channel);
        }
        let wrote = () => {};
        const written = new Promise<void>((done) => {
          wrote = done;
        });
        channel.waiting.push({
          request,
          at,
          ...(replyTo === undefined ? {} : { replyTo }),
          resolve,
          written,
          wrote,
        });
        schedule(key, channel);
      });
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
