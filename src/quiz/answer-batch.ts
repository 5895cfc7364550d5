import { randomUUID } from 'node:crypto';
import type { App, ChatCommand, CommandEvent } from '../chat/context.ts';
import { type Executed, execute, langOf } from '../chat/dispatch.ts';
import { type Reply, textReply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { durably } from '../store/db.ts';

/**
 * Quiz answers recorded in batches: every answer of a channel that arrived within one batching
 * window (`BATCH_WINDOW_MS`, or while the previous batch was being written) is recorded in one SQLite
 * transaction, one fsync for all of them instead of one each. Each answer still runs as its own
 * command, in a savepoint of that transaction, with the clock stopped at the moment its click
 * arrived: an answer refused or failed rolls back alone, a member who clicked twice is told the
 * second time that they already answered, and a live quiz scores every answer by when it was
 * given, not by when its batch was written.
 */
export interface TimedRequest {
  request: Request;
  /** When the member's answer reached the bot (epoch ms): the answer's time. */
  at: number;
  /**
   * Where the reply may go straight from the thread that ran the batch, through the reply sink
   * the adapter named (src/executor/sink.ts), instead of back through the platform thread.
   */
  replyTo?: ReplyAddress;
}

/** Only a timed request's own fields (what a queue kept beside them cannot cross to a worker). */
export const timedRequest = ({ request, at, replyTo }: TimedRequest): TimedRequest =>
  replyTo === undefined ? { request, at } : { request, at, replyTo };

/** A reply sink's name and, in its terms, where the reply goes (a Slack `response_url`). */
export interface ReplyAddress {
  sink: string;
  address: string;
}

/**
 * An answer's reply with the member's language, as the command read it: the adapter renders the
 * confirmation in it without reading the database again on its own thread.
 */
export interface Answered {
  reply: Reply;
  lang: Lang;
  /** The reply already went out through its `replyTo` sink: the adapter sends nothing more. */
  sent?: boolean;
}

/** A batch's answer as the executor ran it: its reply, language and events. */
export type BatchedAnswer = Executed & Answered;

/** `/quiz answer …`: what an answer button, a Submit or a typed answer dispatches. */
export const isQuizAnswer = (text: string): boolean => /^\/quiz\s+answer(?:\s|$)/i.test(text.trimStart());

/**
 * Runs `items` in order in one durable transaction and returns what each command returned.
 * `beforeCommit` is the transaction's last step (a worker checks its budget there). A failure of
 * the transaction itself (a full disk, a stopped worker) is a bug for every answer in it: logged
 * once with an id, each member gets the apology, nothing is recorded.
 */
export function executeBatch(
  app: App,
  commands: readonly ChatCommand[],
  items: readonly TimedRequest[],
  beforeCommit: () => void = () => {},
): BatchedAnswer[] {
  try {
    return durably(app.db, () =>
      app.db
        .transaction(() => {
          const done = items.map(({ request, at }) => ({
            ...execute({ ...app, clock: () => at }, commands, request),
            lang: langOf(app, request),
          }));
          beforeCommit();
          return done;
        })
        .immediate(),
    );
  } catch (error) {
    const id = randomUUID().slice(0, 8);
    app.log.error({ err: error, errorId: id, answers: items.length }, 'a batch of quiz answers failed');
    return items.map(({ request }) => {
      const lang = langOf(app, request);
      return { reply: textReply(t(lang, 'bot.apology', { id }), false, 'private'), lang, events: [] };
    });
  }
}

/** A batch's events, each once: a thousand answers to one quiz poke its runner once. */
export function eventsOf(done: readonly Pick<Executed, 'events'>[]): CommandEvent[] {
  const seen = new Map<string, CommandEvent>();
  for (const { events } of done)
    for (const event of events) seen.set(`${event.kind}:${event.session}`, event);
  return [...seen.values()];
}
