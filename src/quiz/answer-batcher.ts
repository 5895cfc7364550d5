import { randomUUID } from 'node:crypto';
import type { App } from '../chat/context.ts';
import { admit, langOf } from '../chat/dispatch.ts';
import { textReply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import type { Executor } from '../executor/executor.ts';
import { t } from '../i18n/catalogue.ts';
import type { Answered, TimedRequest } from './answer-batch.ts';

/**
 * The platform thread's side of batched answers (`answer-batch.ts`). An adapter acknowledges a
 * click and hands the answer over with the time it arrived; that costs one push. On the next
 * turn of the event loop the channel's answers go to the executor as one batch (one
 * transaction); answers arriving while a batch is being written wait and go as the next one, so
 * under load batches grow instead of queueing. The replies come back a slice per turn of the
 * event loop, so the confirmations an adapter sends for them never hold up the acks of clicks
 * arriving meanwhile.
 */
export interface AnswerBatcher {
  /** Resolves with the answer's reply (and the member's language) once its batch has committed. */
  answer(request: Request, at: number): Promise<Answered>;
  /** Resolves when every answer handed over so far has its reply. */
  idle(): Promise<void>;
}

/** At most this many answers in one transaction (a batch must stay well inside the time budget). */
export const MAX_BATCH = 200;

/** Replies handed back per turn of the event loop. */
export const REPLY_SLICE = 16;

interface Waiting extends TimedRequest {
  resolve: (answered: Answered) => void;
}

interface Channel {
  waiting: Waiting[];
  /** A flush is scheduled or a batch is being written: new answers join the next one. */
  busy: boolean;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function answerBatcher(app: App, executor: Executor): AnswerBatcher {
  const channels = new Map<string, Channel>();
  const pending = new Set<Promise<void>>();

  function schedule(key: string, channel: Channel): void {
    if (channel.busy) return;
    channel.busy = true;
    const flushed: Promise<void> = nextTurn()
      .then(() => flush(key, channel))
      .finally(() => pending.delete(flushed));
    pending.add(flushed);
  }

  async function flush(key: string, channel: Channel): Promise<void> {
    const taken = channel.waiting.splice(0, MAX_BATCH);
    const admitted: Waiting[] = [];
    for (const item of taken) {
      const refused = admit(app, item.request);
      if (refused === null) admitted.push(item);
      else item.resolve({ reply: refused, lang: langOf(app, item.request) });
    }
    let replies: Answered[] = [];
    try {
      if (admitted.length > 0)
        replies = await executor.runBatch(
          key,
          admitted.map(({ request, at }) => ({ request, at })),
        );
    } catch (error) {
      const id = randomUUID().slice(0, 8);
      app.log.error(
        { err: error, errorId: id, answers: admitted.length },
        'a batch of quiz answers was not run',
      );
      replies = admitted.map((item) => apology(item.request, id));
    }
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

  return {
    answer(request, at) {
      return new Promise<Answered>((resolve) => {
        const key = `answers/${request.platform}/${request.scope}/${request.channel}`;
        let channel = channels.get(key);
        if (channel === undefined) {
          channel = { waiting: [], busy: false };
          channels.set(key, channel);
        }
        channel.waiting.push({ request, at, resolve });
        schedule(key, channel);
      });
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
