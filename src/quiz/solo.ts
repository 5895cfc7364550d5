import type { CommandContext } from '../chat/context.ts';
import { type Block, type Reply, textReply } from '../chat/reply.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { err, ok, type Result } from '../result.ts';
import type { SoloMode } from '../store/quiz-progress.ts';
import { recordAttempt } from './attempts.ts';
import { generatedId, parseGeneratedId } from './generate/family.ts';
import { grade } from './grade.ts';
import { MOST_MISSED } from './live-runner.ts';
import type { Question } from './question.ts';
import { seedOf } from './random.ts';
import { answerErrorBlocks, feedbackBlocks, questionReply } from './render.ts';
import { topicOf } from './start-args.ts';

/**
 * Questions a member answers alone, in private: `/quiz practice [topic]` (least-seen questions
 * first) and `/quiz review` (the cards FSRS says are due). Each answer gets its feedback at once,
 * followed by the next question in the same reply.
 */
type Outcome = Result<Reply, Reply>;

const say = (text: string, good = true): Reply => textReply(text, good, 'private');

export function practice(ctx: CommandContext, topicText: string | null): Outcome {
  const missed = /^missed:(\d{1,9})$/.exec(topicText ?? '');
  if (missed !== null) return practiseMissed(ctx, Number(missed[1]));
  const topic = topicOf(topicText, ctx.app.quiz.catalog());
  if (!topic.ok) return err(say(topic.error(ctx.lang), false));
  return ok(serve(ctx, 'practice', topic.value, []));
}

export function review(ctx: CommandContext): Outcome {
  return ok(serve(ctx, 'review', null, []));
}

/**
 * Practise these (the button under a live quiz's podium): a private practice of exactly the
 * questions the group missed most in live quiz `id`, for whoever clicks, one after another.
 */
function practiseMissed(ctx: CommandContext, id: number): Outcome {
  const { live } = ctx.app.quiz;
  const session = live.get(id);
  const here =
    session !== undefined &&
    session.channel.platform === ctx.key.platform &&
    session.channel.scope === ctx.key.scope;
  const ids = here ? live.mostMissed(id, MOST_MISSED).map((m) => m.questionId) : [];
  if (ids.length === 0) return err(say(t(ctx.lang, 'live.nothingMissed'), false));
  return ok(serve(ctx, 'practice', null, [], ids));
}

/** An answer to the member's own pending question (`#pN` from a button, or the current one). */
export function answerSolo(ctx: CommandContext, serial: number | null, text: string): Outcome {
  const { progress } = ctx.app.quiz;
  const solo = progress.solo(ctx.key);
  if (solo === undefined || solo.questionId === null)
    return err(say(t(ctx.lang, serial === null ? 'quiz.answer.none' : 'quiz.answer.closed'), false));
  if (serial !== null && serial !== solo.serial) return err(say(t(ctx.lang, 'quiz.answer.closed'), false));
  const question = ctx.app.quiz.catalog().question(solo.questionId);
  if (question === null) return ok(serve(ctx, solo.mode, solo.topic, []));
  const graded = grade(question, text);
  if (!graded.ok)
    return err({
      ok: false,
      blocks: answerErrorBlocks(graded.error, ctx.lang, question),
      choices: [],
      visibility: 'private',
    });
  recordAttempt(ctx, question, solo.mode, graded.value.correct);
  return ok(
    serve(ctx, solo.mode, solo.topic, feedbackBlocks(question, ctx.lang, graded.value), solo.queue ?? null),
  );
}

/**
 * Serves the next practice or review question after `before` (the feedback, if any); with a
 * `queue` (Practise these), the next of those, and once they are done, that it is done.
 */
function serve(
  ctx: CommandContext,
  mode: SoloMode,
  topic: string | null,
  before: Block[],
  queue: readonly string[] | null = null,
): Reply {
  const { progress } = ctx.app.quiz;
  const now = ctx.app.clock();
  const serial = (progress.solo(ctx.key)?.serial ?? 0) + 1;
  const seed = seedOf(ctx.key.platform, ctx.key.scope, ctx.key.user, serial);
  const next =
    queue !== null
      ? queuedQuestion(ctx, queue)
      : mode === 'practice'
        ? practiceQuestion(ctx, topic, seed)
        : reviewQuestion(ctx, seed);
  const rest = queue === null ? null : queue.slice(1);
  progress.putSolo(ctx.key, {
    mode,
    topic,
    questionId: next.question?.id ?? null,
    serial,
    servedAt: now,
    queue: rest,
  });
  if (next.question === null) {
    const empty = next.empty ?? { key: 'quiz.answer.none' as const, when: '' };
    // Right after an answer, "nothing due" reads as "that was the last one".
    const key =
      empty.key === 'quiz.review.nothingDue' && before.length > 0 ? 'quiz.review.finished' : empty.key;
    return {
      ...say(''),
      blocks: [...before, { kind: 'text', text: t(ctx.lang, key, { when: empty.when }) }],
    };
  }
  const reply = questionReply(next.question, ctx.lang, {
    header: next.header,
    actionPrefix: `/quiz answer #p${serial}`,
    visibility: 'private',
  });
  const lead: Block[] =
    before.length === 0 ? [] : [...before, { kind: 'text', text: t(ctx.lang, 'quiz.feedback.next') }];
  return { ...reply, blocks: [...lead, ...reply.blocks] };
}

type Empty = {
  key: 'quiz.review.empty' | 'quiz.review.nothingDue' | 'quiz.answer.none' | 'live.practiseDone';
  when: string;
};
type Next = { question: Question | null; header: string; empty?: Empty };

function queuedQuestion(ctx: CommandContext, queue: readonly string[]): Next {
  const id = queue[0];
  const question = id === undefined ? null : ctx.app.quiz.catalog().question(id);
  return {
    question,
    header: t(ctx.lang, 'live.practiseHeader', { left: queue.length }),
    empty: { key: 'live.practiseDone', when: '' },
  };
}

function practiceQuestion(ctx: CommandContext, topic: string | null, seed: string): Next {
  const catalog = ctx.app.quiz.catalog();
  const [id] = catalog.pick(topic, 1, seed, ctx.app.quiz.progress.seen(ctx.key));
  const question = id === undefined ? null : catalog.question(id);
  return {
    question,
    header: t(ctx.lang, 'quiz.question.practice', { title: catalog.title(topic)[ctx.lang] }),
  };
}

function reviewQuestion(ctx: CommandContext, seed: string): Next {
  const { progress } = ctx.app.quiz;
  const now = ctx.app.clock();
  const due = progress.due(ctx.key, now);
  for (const card of due) {
    const question = questionFor(ctx, card.cardKey, seed);
    if (question !== null)
      return { question, header: t(ctx.lang, 'quiz.question.review', { due: due.length }) };
  }
  const nextDue = progress.nextDue(ctx.key);
  if (nextDue === null) return { question: null, header: '', empty: { key: 'quiz.review.empty', when: '' } };
  return {
    question: null,
    header: '',
    empty: { key: 'quiz.review.nothingDue', when: when(ctx.lang, nextDue - now) },
  };
}

/** A card's question: the bank question itself, or a fresh instance of the generator family. */
function questionFor(ctx: CommandContext, cardKey: string, seed: string): Question | null {
  const family = /^gen:([a-z-]+)$/.exec(cardKey);
  const id = family === null ? cardKey : generatedId(family[1] ?? '', seed);
  if (family !== null && parseGeneratedId(id) === null) return null;
  return ctx.app.quiz.catalog().question(id);
}

/** "in 10 min", "in 3 h", "in 2 days". */
export function when(lang: Lang, ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (minutes <= 0) return t(lang, 'quiz.when.now');
  if (minutes < 120) return t(lang, 'quiz.when.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t(lang, 'quiz.when.hours', { n: hours });
  return t(lang, 'quiz.when.days', { n: Math.round(hours / 24) });
}
