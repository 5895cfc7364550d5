import type { CommandContext } from '../chat/context.ts';
import { type Reply, textReply } from '../chat/reply.ts';
import { t } from '../i18n/catalogue.ts';
import { err, ok, type Result } from '../result.ts';
import { channelOf, displayName, recordAttempt } from './attempts.ts';
import { grade } from './grade.ts';
import { answerable, begin, type LiveEvent, type LiveSession, step } from './live.ts';
import { seedOf } from './random.ts';
import { answerErrorBlocks } from './render.ts';
import { points } from './scoring.ts';
import { parseStartArgs } from './start-args.ts';

/**
 * `/quiz start|stop|next` and answers to a live question, each inside dispatch's transaction. The
 * runner that posts to the channel is told through an event, after the commit.
 */
type Outcome = Result<Reply, Reply>;

const say = (text: string, good = true): Reply => textReply(text, good, 'private');

export function startLive(ctx: CommandContext, words: readonly string[]): Outcome {
  const { quiz } = ctx.app;
  const catalog = quiz.catalog();
  const args = parseStartArgs(words, catalog);
  if (!args.ok) return err(say(args.error(ctx.lang), false));
  const channel = channelOf(ctx);
  const running = quiz.live.activeIn(channel);
  if (running !== undefined)
    return err(say(t(ctx.lang, 'quiz.alreadyRunning', { host: running.hostName }), false));
  const now = ctx.app.clock();
  const seed = seedOf('live', channel.platform, channel.scope, channel.channel, now);
  const questionIds = catalog.pick(args.value.topic, args.value.count, seed);
  const lang = ctx.app.channels.lang(channel) ?? ctx.lang;
  const created = quiz.live.create(
    {
      channel,
      host: ctx.request.user,
      hostName: displayName(ctx),
      topic: args.value.topic,
      lang,
      seconds: args.value.seconds,
      timed: quiz.runner.timed,
      current: 0,
      phase: 'asking',
      nextAt: null,
      createdAt: now,
      endedAt: null,
      stopped: false,
    },
    questionIds,
  );
  const started = begin(created, now);
  quiz.live.save(started.session, started.effects);
  ctx.emit({ kind: 'liveQuizChanged', session: created.id });
  const title = catalog.title(args.value.topic)[lang];
  const text = created.timed
    ? t(lang, 'quiz.started', { title, count: questionIds.length, seconds: args.value.seconds })
    : t(lang, 'quiz.startedUntimed', { title, count: questionIds.length });
  return ok(textReply(text, true, 'public'));
}

/** `/quiz stop` and `/quiz next`: only the member who started the quiz may. */
export function steerLive(ctx: CommandContext, event: Extract<LiveEvent, 'stop' | 'next'>): Outcome {
  const session = ctx.app.quiz.live.activeIn(channelOf(ctx));
  if (session === undefined) return err(say(t(ctx.lang, 'quiz.noLive'), false));
  if (session.host !== ctx.request.user)
    return err(say(t(ctx.lang, 'quiz.notHost', { host: session.hostName }), false));
  advance(ctx, session, event);
  return ok(say(t(ctx.lang, event === 'stop' ? 'quiz.stopping' : 'quiz.moving')));
}

function advance(ctx: CommandContext, session: LiveSession, event: LiveEvent): void {
  const stepped = step(session, event, ctx.app.clock());
  ctx.app.quiz.live.save(stepped.session, stepped.effects);
  ctx.emit({ kind: 'liveQuizChanged', session: session.id });
}

/** An answer to question `index` (1-based on buttons; null: the current one) of a live quiz. */
export function answerLive(
  ctx: CommandContext,
  session: LiveSession,
  index: number | null,
  text: string,
): Outcome {
  const { live } = ctx.app.quiz;
  const now = ctx.app.clock();
  const open = answerable(session, now, index ?? session.current);
  if (!open.ok)
    return err(say(t(ctx.lang, open.error === 'closed' ? 'quiz.answer.closed' : 'quiz.answer.none'), false));
  const slot = open.value;
  const earlier = live.answerOf(session.id, slot.index, ctx.request.user);
  if (earlier !== undefined)
    return err(say(t(ctx.lang, 'quiz.answer.already', { answer: earlier.answer }), false));
  const question = ctx.app.quiz.catalog().question(slot.questionId);
  if (question === null) return err(say(t(ctx.lang, 'quiz.answer.closed'), false));
  const graded = grade(question, text);
  if (!graded.ok)
    return err({
      ok: false,
      blocks: answerErrorBlocks(graded.error, ctx.lang, question),
      choices: [],
      visibility: 'private',
    });
  live.addAnswer(session.id, {
    index: slot.index,
    user: ctx.request.user,
    userName: displayName(ctx),
    answer: graded.value.text,
    correct: graded.value.correct,
    points: points(graded.value.correct, slot.openedAt ?? now, now, session.seconds),
    answeredAt: now,
  });
  recordAttempt(ctx, question, 'live', graded.value.correct);
  if (everyoneAnswered(ctx, session, slot.index)) advance(ctx, session, 'allAnswered');
  return ok(say(t(ctx.lang, 'quiz.answer.recorded', { answer: graded.value.text })));
}

/**
 * "Everyone" is whoever played an earlier question of this quiz; the first question has no such
 * list, so it waits for its deadline or `/quiz next`.
 */
function everyoneAnswered(ctx: CommandContext, session: LiveSession, index: number): boolean {
  return ctx.app.quiz.live.everyoneAnswered(session.id, index);
}
