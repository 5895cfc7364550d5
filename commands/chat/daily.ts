import type { ChatCommand } from '../../src/chat/context.ts';
import { textReply } from '../../src/chat/reply.ts';
import { localDay, streakOf } from '../../src/group/local-time.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { displayName, recordAttempt } from '../../src/quiz/attempts.ts';
import { grade } from '../../src/quiz/grade.ts';
import { answerErrorBlocks, feedbackBlocks } from '../../src/quiz/render.ts';
import { err, ok } from '../../src/result.ts';

/**
 * `/daily answer POST CHOICE`: what the daily question's buttons send. Answered privately, once
 * per member; the answer counts for the member's streak on the channel's local day.
 */
export const daily: ChatCommand = {
  name: 'daily',
  run(ctx, args) {
    const match = /^answer\s+(\d{1,12})\s+([\s\S]+)$/.exec(args.trim());
    const say = (text: string, good: boolean) => textReply(text, good, 'private');
    if (match === null) return err(say(t(ctx.lang, 'daily.usage'), false));
    const { group } = ctx.app;
    const post = group.daily.get(Number(match[1]));
    if (
      post === undefined ||
      post.channel.platform !== ctx.request.platform ||
      post.channel.scope !== ctx.request.scope
    )
      return err(say(t(ctx.lang, 'daily.gone'), false));
    const question = ctx.app.quiz.catalog().question(post.questionId);
    if (question === null) return err(say(t(ctx.lang, 'daily.gone'), false));
    const graded = grade(question, match[2] ?? '');
    if (!graded.ok)
      return err({
        ok: false,
        blocks: answerErrorBlocks(graded.error, ctx.lang, question),
        choices: [],
        visibility: 'private',
      });
    const now = ctx.app.clock();
    const zone = group.settings.get(post.channel).dailyZone;
    const today = localDay(now, zone);
    const { platform, scope, user } = ctx.request;
    if (
      !group.daily.answer(
        post.id,
        user,
        displayName(ctx),
        graded.value.text,
        graded.value.correct,
        now,
        today,
      )
    )
      return err(say(t(ctx.lang, 'daily.already'), false));
    recordAttempt(ctx, question, 'practice', graded.value.correct);
    const streak = streakOf(group.progress.dailyDays(platform, scope, user), today);
    return ok({
      ok: true,
      blocks: [
        ...feedbackBlocks(question, ctx.lang, graded.value),
        { kind: 'text', text: t(ctx.lang, 'daily.streak', { n: streak }) },
      ],
      choices: [],
      visibility: 'private',
    });
  },
};
