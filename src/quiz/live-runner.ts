import type { Logger } from 'pino';
import type { ChannelRef, Outbox } from '../chat/outbox.ts';
import { type Reply, textReply } from '../chat/reply.ts';
import type { Platform } from '../chat/request.ts';
import { t } from '../i18n/catalogue.ts';
import type { LiveStore } from '../store/quiz-live.ts';
import type { Catalog } from './catalog.ts';
import { type LiveEffect, type LiveSession, step, wakeAt } from './live.ts';
import {
  askReply,
  closedReply,
  finalReply,
  lobbyClosedReply,
  lobbyReply,
  missedBlock,
  revealedChoices,
  revealReply,
  threadFailedReply,
  threadStarterReply,
} from './live-render.ts';
import type { Localized } from './question.ts';
import { weekStart } from './week.ts';

/**
 * Delivers what live quizzes owe their channels and keeps their timers (see the design note in
 * `live.ts`). Each quiz has its own promise chain, so its deliveries are in order, one throttled
 * or refusing channel stalls only its own quiz, and `idle()` tells a test or the console when
 * everything triggered so far has been sent. When a channel refuses a quiz's message, its host
 * is told once by direct message (where the platform has them).
 */
/** Discord's longest thread name. */
const THREAD_NAME_MAX = 100;

/** How many of the group's most-missed questions the podium lists (and Practise these serves). */
export const MOST_MISSED = 5;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LiveRunner {
  /** Whether new quizzes get deadlines (false with `--no-timers`). */
  readonly timed: boolean;
  /** An adapter's Outbox; resumes that platform's unfinished quizzes (after a restart). */
  attach(platform: Platform, outbox: Outbox): void;
  /** A command changed session `id`: deliver its effects once the transaction has committed. */
  notify(id: number): void;
  /** Resolves when every delivery triggered so far is done. */
  idle(): Promise<void>;
  /**
   * `written(channel)` resolves once the answers already handed over in that channel are written
   * (`answer-batcher.ts`): a timer closing a question waits for it first, so an answer that came
   * before the deadline is counted, however late its batch runs.
   */
  awaitAnswers(written: (channel: ChannelRef) => Promise<void>): void;
  /** Clears the timers; the sessions stay in the database and resume at the next start. */
  shutdown(): void;
}

export interface RunnerDeps {
  live: LiveStore;
  catalog: () => Catalog;
  clock: () => number;
  log: Logger;
  timers: Timers | null;
  /** Whether the channel's settings ask for each live quiz in a thread of its own. */
  threads?: (channel: ChannelRef) => boolean;
}

export function createLiveRunner(deps: RunnerDeps): LiveRunner {
  const { live, clock, log } = deps;
  const outboxes = new Map<Platform, Outbox>();
  const timers = new Map<number, unknown>();
  /** One chain per quiz: its deliveries in order, independent of other quizzes'. */
  const chains = new Map<number, Promise<void>>();
  /** Quizzes whose host was already told a message was refused (once is enough). */
  const hostsTold = new Set<number>();
  let running = true;
  const answerWaits: ((channel: ChannelRef) => Promise<void>)[] = [];

  // `then` defers the task past the caller's synchronous transaction, so it sees committed rows.
  const enqueue = (id: number, task: () => Promise<void>) => {
    const chained = (chains.get(id) ?? Promise.resolve())
      .then(task)
      .catch((error: unknown) => log.error({ err: error, session: id }, 'live quiz delivery failed'))
      .finally(() => {
        if (chains.get(id) === chained) chains.delete(id);
      });
    chains.set(id, chained);
  };

  /** The host hears, privately, that the channel refused the quiz's message. */
  async function tellHost(outbox: Outbox, session: LiveSession, error: unknown): Promise<void> {
    if (outbox.tell === undefined || hostsTold.has(session.id)) return;
    hostsTold.add(session.id);
    const reason = error instanceof Error ? error.message : String(error);
    const title = deps.catalog().title(session.topic)[session.lang];
    const text = t(session.lang, 'live.hostPostFailed', { title, reason });
    try {
      await outbox.tell(session.channel, session.host, textReply(text, false, 'private'));
    } catch (e) {
      log.warn({ err: e, session: session.id }, 'could not tell the live quiz host either');
    }
  }

  async function deliver(id: number): Promise<void> {
    for (;;) {
      const item = live.nextEffect(id);
      const session = live.get(id);
      if (item === undefined || session === undefined) break;
      const outbox = outboxes.get(session.channel.platform);
      if (outbox === undefined) return;
      try {
        await perform(outbox, session, item.effect);
      } catch (error) {
        // A message the platform refused is logged and skipped, so the quiz itself goes on.
        log.error({ err: error, session: id, effect: item.effect }, 'could not deliver a live quiz message');
        await tellHost(outbox, session, error);
      }
      live.deleteEffect(item.id);
    }
    schedule(id);
  }

  /**
   * Where the quiz is played: its thread once opened, else the channel. A thread is opened with
   * the quiz's first message, on a short starter post in the channel; where that fails (no
   * permission, no threads on the platform) the quiz is played in the channel itself.
   */
  async function venue(outbox: Outbox, session: LiveSession, title: Localized): Promise<ChannelRef> {
    if (session.thread !== null) return { ...session.channel, channel: session.thread };
    const first = session.lobbyMessage === null && session.questions.every((q) => q.messageId === null);
    if (!first || outbox.startThread === undefined || deps.threads?.(session.channel) !== true)
      return session.channel;
    const starter = await outbox.post(session.channel, threadStarterReply(session, title));
    const name = t(session.lang, 'live.threadName', { title: title[session.lang] });
    try {
      const thread = await outbox.startThread(starter, name.slice(0, THREAD_NAME_MAX));
      live.setThread(session.id, thread.channel);
      return thread;
    } catch (error) {
      log.warn({ err: error, session: session.id }, 'could not open a thread for the live quiz');
      await outbox
        .edit(starter, threadFailedReply(session, title))
        .catch((e: unknown) =>
          log.warn({ err: e, session: session.id }, 'could not edit the thread starter'),
        );
      return session.channel;
    }
  }

  async function perform(outbox: Outbox, stored: LiveSession, effect: LiveEffect): Promise<void> {
    const catalog = deps.catalog();
    const title = catalog.title(stored.topic);
    const where = await venue(outbox, stored, title);
    // Every message of the quiz lives where it is played, so edits address that channel too.
    const session: LiveSession = { ...stored, channel: where };
    if (effect.kind === 'lobby') {
      const ref = await outbox.post(session.channel, lobbyReply(session, title));
      live.setLobbyMessage(session.id, ref.id);
      return;
    }
    if (effect.kind === 'final') {
      const now = clock();
      // The channel's leaderboard, wherever this quiz was played.
      const board = {
        week: live.leaderboard(stored.channel, weekStart(now)),
        all: live.leaderboard(stored.channel, 0),
      };
      const missed = live.mostMissed(session.id, MOST_MISSED).flatMap((m) => {
        const question = catalog.question(m.questionId);
        return question === null ? [] : [{ ...m, question }];
      });
      const final = finalReply(session, title, live.standings(session.id), board);
      const practise = missedBlock(session, missed);
      await outbox.post(session.channel, {
        ...final,
        blocks: [...final.blocks, ...practise.blocks],
        choices: practise.choices,
      });
      if (session.lobbyMessage !== null)
        await outbox.edit(
          { ...session.channel, id: session.lobbyMessage },
          lobbyClosedReply(session, title, live.participants(session.id)),
        );
      return;
    }
    const slot = session.questions[effect.index];
    const question = slot === undefined ? null : catalog.question(slot.questionId);
    if (slot === undefined || question === null) {
      log.warn({ session: session.id, effect }, 'live quiz question is gone from the banks');
      return;
    }
    const post = (reply: Reply) => outbox.post(session.channel, reply);
    switch (effect.kind) {
      case 'ask': {
        const ref = await post(askReply(session, effect.index, question, title));
        live.setMessage(session.id, effect.index, ref.id);
        return;
      }
      case 'close':
        if (slot.messageId !== null)
          await outbox.edit(
            { ...session.channel, id: slot.messageId },
            closedReply(session, effect.index, question, title),
          );
        return;
      case 'reveal': {
        // The reveal is edited into the question message, so the channel reads each question and
        // its answer in one place; a question whose message was never delivered gets a new one.
        const reveal = revealReply(session, effect.index, question, live.answers(session.id, effect.index));
        if (slot.messageId === null) {
          await post(reveal);
          return;
        }
        const closed = closedReply(session, effect.index, question, title);
        try {
          await outbox.edit(
            { ...session.channel, id: slot.messageId },
            {
              ...closed,
              blocks: [...reveal.blocks, ...closed.blocks],
              ...revealedChoices(question, session.lang),
            },
          );
        } catch (error) {
          // The question message is gone (deleted, or the platform refused the edit): the channel
          // still gets its answer, as a message of its own.
          log.warn({ err: error, session: session.id }, 'could not edit the reveal into the question');
          await post(reveal);
        }
        return;
      }
    }
  }

  function schedule(id: number): void {
    const previous = timers.get(id);
    if (previous !== undefined) deps.timers?.clear(previous);
    timers.delete(id);
    const session = live.get(id);
    const at = session === undefined ? null : wakeAt(session);
    if (at === null || deps.timers === null || !running) return;
    const handle = deps.timers.set(
      () => {
        timers.delete(id);
        enqueue(id, () => tick(id));
      },
      Math.max(0, at - clock()),
    );
    timers.set(id, handle);
  }

  /** A timer fired (or the bot restarted): close what is overdue, open what is due, deliver. */
  async function tick(id: number): Promise<void> {
    const waiting = live.get(id);
    if (waiting !== undefined && answerWaits.length > 0) {
      const where =
        waiting.thread === null
          ? [waiting.channel]
          : [waiting.channel, { ...waiting.channel, channel: waiting.thread }];
      await Promise.all(answerWaits.flatMap((written) => where.map((channel) => written(channel))));
    }
    live.transaction(() => {
      const session = live.get(id);
      if (session === undefined) return;
      const stepped = step(session, 'tick', clock());
      if (stepped.effects.length > 0) live.save(stepped.session, stepped.effects);
    });
    await deliver(id);
  }

  return {
    timed: deps.timers !== null,
    attach(platform, outbox) {
      outboxes.set(platform, outbox);
      for (const id of live.unfinished(platform)) enqueue(id, () => tick(id));
    },
    notify(id) {
      // From the next turn of the event loop: the member's own reply (which the command that
      // notified is still returning) goes out before what the quiz posts because of it.
      enqueue(id, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        await deliver(id);
      });
    },
    awaitAnswers(written) {
      answerWaits.push(written);
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
    shutdown() {
      running = false;
      for (const handle of timers.values()) deps.timers?.clear(handle);
      timers.clear();
    },
  };
}
