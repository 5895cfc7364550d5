import { Writable } from 'node:stream';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import { createApp } from '../../src/app.ts';
import type { App } from '../../src/chat/context.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import type { ChannelRef, MessageRef, Outbox } from '../../src/chat/outbox.ts';
import { type Reply, replyText } from '../../src/chat/reply.ts';
import { createLogger } from '../../src/log.ts';
import type { Timers } from '../../src/quiz/live-runner.ts';
import type { Question } from '../../src/quiz/question.ts';
import { rightChoices } from '../../src/quiz/question.ts';

/**
 * A bot with a recording Outbox and hand-driven timers: `advance(ms)` moves the clock, fires the
 * timers that fall due (in order) and waits for everything they trigger to be delivered.
 */
export const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
export const CHANNEL: ChannelRef = { platform: 'console', scope: 'test', channel: 'general' };

export interface Posted {
  id: string;
  channel: ChannelRef;
  reply: Reply;
  edits: Reply[];
}

export interface QuizHarness {
  app: App;
  clock: { now: number };
  posts: Posted[];
  send(user: string, text: string, channel?: string): Reply;
  say(user: string, text: string): string;
  settle(): Promise<void>;
  advance(ms: number): Promise<void>;
  /** The text of the post at `index` (negative: from the end). */
  post(index: number): string;
  /** The text of the last edit of the post at `index` (negative: from the end); '' if none. */
  edited(index: number): string;
}

export function fakeTimers(clock: { now: number }) {
  let next = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    set(run, ms) {
      next += 1;
      pending.set(next, { at: clock.now + ms, run });
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  const due = (until: number) => {
    let best: [number, { at: number; run: () => void }] | undefined;
    for (const entry of pending)
      if (entry[1].at <= until && (best === undefined || entry[1].at < best[1].at)) best = entry;
    return best;
  };
  return { timers, pending, due };
}

export function recordingOutbox(posts: Posted[]): Outbox {
  return {
    async post(channel, reply): Promise<MessageRef> {
      const id = String(posts.length + 1);
      posts.push({ id, channel, reply, edits: [] });
      return { ...channel, id };
    },
    async edit(message, reply) {
      const found = posts.find((p) => p.id === message.id);
      if (found === undefined) throw new Error(`no message ${message.id}`);
      found.edits.push(reply);
    },
  };
}

export function quizHarness(options: {
  timed: boolean;
  dbPath?: string;
  clock?: { now: number };
  /** false: no Outbox attached (a bot that dies before it delivers anything). */
  attach?: boolean;
  /** The channel's messages so far: a restarted bot edits what the bot before it posted. */
  posts?: Posted[];
  /** Members the platform marks as moderators (everyone else is a member). */
  moderators?: readonly string[];
}): QuizHarness {
  const clock = options.clock ?? { now: T0 };
  const fake = fakeTimers(clock);
  const logs = new Writable({ write: (_c, _e, done) => done() });
  const created = createApp({
    dbPath: options.dbPath ?? ':memory:',
    log: createLogger('warn', logs),
    clock: () => clock.now,
    defaultLang: 'en',
    guide: false,
    timers: options.timed ? fake.timers : null,
  });
  if (!created.ok) throw new Error(created.error);
  const app = created.value;
  const posts: Posted[] = options.posts ?? [];
  if (options.attach !== false) app.quiz.runner.attach('console', recordingOutbox(posts));
  const send = (user: string, text: string, channel = CHANNEL.channel) =>
    dispatch(app, CHAT_COMMANDS, {
      platform: 'console',
      scope: 'test',
      channel,
      user,
      userName: user,
      username: user,
      role: (options.moderators ?? []).includes(user) ? 'moderator' : 'member',
      text,
      attachments: [],
    });
  const settle = () => app.quiz.runner.idle();
  return {
    app,
    clock,
    posts,
    send,
    say: (user, text) => replyText(send(user, text)),
    settle,
    async advance(ms) {
      const target = clock.now + ms;
      await settle();
      for (;;) {
        const entry = fake.due(target);
        if (entry === undefined) break;
        fake.pending.delete(entry[0]);
        clock.now = Math.max(clock.now, entry[1].at);
        entry[1].run();
        await settle();
      }
      clock.now = target;
      await settle();
    },
    post(index) {
      const p = posts.at(index);
      return p === undefined ? '' : replyText(p.reply);
    },
    edited(index) {
      const last = posts.at(index)?.edits.at(-1);
      return last === undefined ? '' : replyText(last);
    },
  };
}

/** The current live question of the test channel, with a right and a wrong answer to it. */
export function currentQuestion(h: QuizHarness): {
  question: Question;
  index: number;
  right: string;
  wrong: string;
  ref: string;
} {
  const session = h.app.quiz.live.activeIn(CHANNEL);
  if (session === undefined) throw new Error('no live quiz');
  const slot = session.questions[session.current];
  const question = slot === undefined ? null : h.app.quiz.catalog().question(slot.questionId);
  if (question === null) throw new Error('no question');
  return {
    question,
    index: session.current,
    ...answersTo(question),
    ref: `#${session.id}.${session.current + 1}`,
  };
}

export function answersTo(question: Question): { right: string; wrong: string } {
  if (question.kind === 'selector') return { right: question.sample, wrong: 'no-such-label-key' };
  if (question.kind === 'command') return { right: question.sample, wrong: 'kubectl get po no-such-pod' };
  const right = rightChoices(question);
  const ids = question.kind === 'truefalse' ? ['T', 'F'] : question.choices.map((c) => c.id);
  const wrong = ids.find((id) => !right.includes(id)) ?? '';
  return { right: right.join(','), wrong };
}
