import type { CommandContext } from '../chat/context.ts';
import { type Reply, textReply } from '../chat/reply.ts';
import { isModerator, mayStartQuiz } from '../group/moderators.ts';
import { DEFAULT_LOBBY_SECONDS } from '../group/settings-table.ts';
import { t } from '../i18n/catalogue.ts';
import { err, ok, type Result } from '../result.ts';
import { channelOf, displayName, recordAttempt } from './attempts.ts';
import { grade } from './grade.ts';
import { answerable, begin, inLobby, type LiveEvent, type LiveSession, step } from './live.ts';
import { seedOf } from './random.ts';
import { answerErrorBlocks } from './render.ts';
import { creditPoints } from './scoring.ts';
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
  const channel = channelOf(ctx);
  const settings = ctx.app.group.settings.get(channel);
  if (!mayStartQuiz(ctx.request, settings)) return err(say(t(ctx.lang, 'live.mayNotStart'), false));
  const args = parseStartArgs(words, catalog, { count: settings.quizCount, seconds: settings.quizSeconds });
  if (!args.ok) return err(say(args.error(ctx.lang), false));
  const running = quiz.live.activeIn(channel);
  if (running !== undefined)
    return err(say(t(ctx.lang, 'quiz.alreadyRunning', { host: running.hostName }), false));
  const now = ctx.app.clock();
  const seed = seedOf('live', channel.platform, channel.scope, channel.channel, now);
  const questionIds = catalog.pick(args.value.topic, args.value.count, seed);
  const lang = ctx.app.channels.lang(channel) ?? ctx.lang;
  // Without timers (scripts), a lobby waits for `/quiz next`, so there is one only when asked for.
  const lobbySeconds =
    args.value.lobby ?? settings.lobbySeconds ?? (quiz.runner.timed ? DEFAULT_LOBBY_SECONDS : 0);
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
      lobbySeconds,
    },
    questionIds,
  );
  const started = begin(created, now, lobbySeconds);
  quiz.live.save(started.session, started.effects);
  ctx.emit({ kind: 'liveQuizChanged', session: created.id });
  const title = catalog.title(args.value.topic)[lang];
  if (lobbySeconds > 0) {
    const key = created.timed ? 'live.lobbyStarted' : 'live.lobbyStartedUntimed';
    return ok(
      textReply(t(lang, key, { title, count: questionIds.length, seconds: lobbySeconds }), true, 'public'),
    );
  }
  const text = created.timed
    ? t(lang, 'quiz.started', { title, count: questionIds.length, seconds: args.value.seconds })
    : t(lang, 'quiz.startedUntimed', { title, count: questionIds.length });
  return ok(textReply(text, true, 'public'));
}

/** `/quiz stop` and `/quiz next`: only the member who started the quiz, and moderators, may. */
export function steerLive(ctx: CommandContext, event: Extract<LiveEvent, 'stop' | 'next'>): Outcome {
  const channel = channelOf(ctx);
  const session = ctx.app.quiz.live.activeIn(channel);
  if (session === undefined) return err(say(t(ctx.lang, 'quiz.noLive'), false));
  if (session.host !== ctx.request.user && !isModerator(ctx.request, ctx.app.group.settings.get(channel)))
    return err(say(t(ctx.lang, 'quiz.notHost', { host: session.hostName }), false));
  const opening = event === 'next' && inLobby(session);
  advance(ctx, session, event);
  return ok(say(t(ctx.lang, event === 'stop' ? 'quiz.stopping' : opening ? 'live.opening' : 'quiz.moving')));
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
    points: creditPoints(graded.value.credit, slot.openedAt ?? now, now, session.seconds),
    answeredAt: now,
  });
  recordAttempt(ctx, question, 'live', graded.value.correct);
  if (everyoneAnswered(ctx, session, slot.index)) advance(ctx, session, 'allAnswered');
  return ok(say(t(ctx.lang, 'quiz.answer.recorded', { answer: graded.value.text })));
}

/**
 * `/quiz join [#ID]` (the lobby's Join button): the member plays, so questions wait for their
 * answer too. A late member may join at any time and answer the open question.
 */
export function joinLive(ctx: CommandContext, ref: string): Outcome {
  const { live } = ctx.app.quiz;
  const session = live.activeIn(channelOf(ctx));
  const wanted = /^#(\d{1,9})$/.exec(ref.trim());
  if (session === undefined || (wanted !== null && Number(wanted[1]) !== session.id))
    return err(say(t(ctx.lang, 'quiz.noLive'), false));
  if (ref.trim() !== '' && wanted === null) return err(say(t(ctx.lang, 'quiz.usage'), false));
  const joined = live.join(session.id, ctx.request.user, displayName(ctx), ctx.app.clock());
  if (!joined) return err(say(t(ctx.lang, 'live.alreadyIn'), false));
  const players = live.participants(session.id);
  return ok(say(t(ctx.lang, inLobby(session) ? 'live.joined' : 'live.joinedLate', { players })));
}

/**
 * "Everyone" is every participant (joined, or answered); a question nobody was in the quiz for
 * when it opened (question 1 without a lobby) waits for its deadline or `/quiz next`.
 */
function everyoneAnswered(ctx: CommandContext, session: LiveSession, index: number): boolean {
  return ctx.app.quiz.live.everyoneAnswered(session.id, index);
}
