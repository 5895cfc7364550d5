import type { CommandContext } from '../chat/context.ts';
import { type Reply, textReply } from '../chat/reply.ts';
import { t } from '../i18n/catalogue.ts';
import { labStore } from '../store/labs.ts';
import { channelOf } from './attempts.ts';
import { leaderboardText } from './live-render.ts';
import { weekStart } from './week.ts';

/** `/quiz stats`, `/quiz leaderboard` and `/quiz topics`: read-only summaries. */
export function stats(ctx: CommandContext): Reply {
  const { progress } = ctx.app.quiz;
  const catalog = ctx.app.quiz.catalog();
  const rows = progress.stats(ctx.key);
  // Labs finished count on a member's stats too: what they can do, beside what they know.
  const labs = labStore(ctx.app.db).finishedCount(ctx.key);
  const labLine = labs > 0 ? [t(ctx.lang, 'quiz.stats.labs', { labs })] : [];
  if (rows.length === 0)
    return textReply([t(ctx.lang, 'quiz.stats.empty'), ...labLine].join('\n'), true, 'private');
  const percent = (correct: number, answered: number) => Math.round((100 * correct) / Math.max(1, answered));
  const total = rows.reduce(
    (sum, r) => ({ answered: sum.answered + r.answered, correct: sum.correct + r.correct }),
    {
      answered: 0,
      correct: 0,
    },
  );
  const due = progress.due(ctx.key, ctx.app.clock()).length;
  const lines = [
    t(ctx.lang, 'quiz.stats.title'),
    ...rows.map((r) =>
      t(ctx.lang, 'quiz.stats.line', {
        title: catalog.title(r.topic)[ctx.lang],
        correct: r.correct,
        answered: r.answered,
        percent: percent(r.correct, r.answered),
      }),
    ),
    t(ctx.lang, 'quiz.stats.total', { ...total, percent: percent(total.correct, total.answered) }),
    ...(due > 0 ? [t(ctx.lang, 'quiz.stats.due', { due })] : []),
    ...labLine,
  ];
  return textReply(lines.join('\n'), true, 'private');
}

export function leaderboard(ctx: CommandContext): Reply {
  const channel = channelOf(ctx);
  const { live } = ctx.app.quiz;
  const board = {
    week: live.leaderboard(channel, weekStart(ctx.app.clock())),
    all: live.leaderboard(channel, 0),
  };
  return textReply(leaderboardText(ctx.lang, board), true, 'public');
}

export function topics(ctx: CommandContext): Reply {
  const lines = [
    t(ctx.lang, 'quiz.topics.title'),
    ...ctx.app.quiz
      .catalog()
      .topics.map((x) =>
        t(ctx.lang, 'quiz.topics.line', { topic: x.topic, title: x.title[ctx.lang], count: x.questions }),
      ),
  ];
  return textReply(lines.join('\n'), true, 'private');
}
