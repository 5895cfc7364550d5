import type { CommandContext } from '../chat/context.ts';
import type { ChannelRef } from '../chat/outbox.ts';
import type { AttemptMode } from '../store/quiz-progress.ts';
import type { Question } from './question.ts';
import { cardKeyOf, reviewCard } from './review.ts';

/** Every answer counts twice: once in the member's history, once as a review of their card. */
export function recordAttempt(
  ctx: CommandContext,
  question: Question,
  mode: AttemptMode,
  correct: boolean,
): void {
  const { progress } = ctx.app.quiz;
  const now = ctx.app.clock();
  ctx.app.members.setName(ctx.key, displayName(ctx));
  const cardKey = cardKeyOf(question.id);
  progress.addAttempt(ctx.key, {
    questionId: question.id,
    cardKey,
    topic: question.topic,
    mode,
    correct,
    at: now,
  });
  progress.putCard(ctx.key, reviewCard(progress.card(ctx.key, cardKey), cardKey, correct, now));
}

export const channelOf = (ctx: CommandContext): ChannelRef => ({
  platform: ctx.request.platform,
  scope: ctx.request.scope,
  channel: ctx.request.channel,
});

export const displayName = (ctx: CommandContext): string => ctx.request.userName ?? ctx.request.user;
