import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import { type Reply, textReply } from '../../src/chat/reply.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { channelOf } from '../../src/quiz/attempts.ts';
import { answerLive, joinLive, startLive, steerLive } from '../../src/quiz/live-commands.ts';
import { answerSolo, practice, review } from '../../src/quiz/solo.ts';
import { leaderboard, stats, topics } from '../../src/quiz/summaries.ts';
import { err, ok, type Result } from '../../src/result.ts';

/**
 * `/quiz start|answer|next|stop|practice|review|stats|leaderboard|topics`.
 *
 * An answer may name its question, as the buttons do: `#12.3` is question 3 of live quiz 12,
 * `#p7` the member's 7th practice or review question. Without one it goes to the live question
 * open in this channel, or else to the member's own practice or review question.
 */
export const quiz: ChatCommand = {
  name: 'quiz',
  durable: true,
  run(ctx, args) {
    const text = args.trim();
    const [sub = '', ...words] = text.split(/\s+/).filter((w) => w !== '');
    const rest = text.slice(sub.length).trim();
    switch (sub.toLowerCase()) {
      case '':
      case 'help':
        return ok(usage(ctx, true));
      case 'start':
        return startLive(ctx, words);
      case 'stop':
        return steerLive(ctx, 'stop');
      case 'next':
        return steerLive(ctx, 'next');
      case 'join':
        return joinLive(ctx, rest);
      case 'answer':
        return answer(ctx, rest);
      case 'practice':
        return practice(ctx, rest === '' ? null : rest);
      case 'review':
        return review(ctx);
      case 'stats':
        return ok(stats(ctx));
      case 'leaderboard':
      case 'top':
        return ok(leaderboard(ctx));
      case 'topics':
        return ok(topics(ctx));
      default:
        return err(usage(ctx, false));
    }
  },
};

const usage = (ctx: CommandContext, good: boolean): Reply =>
  textReply(t(ctx.lang, 'quiz.usage'), good, 'private');

function answer(ctx: CommandContext, raw: string): Result<Reply, Reply> {
  const { live } = ctx.app.quiz;
  const liveRef = /^#(\d{1,9})\.(\d{1,4})(?:\s+|$)([\s\S]*)$/.exec(raw);
  if (liveRef !== null) {
    const session = live.get(Number(liveRef[1]));
    const here = channelOf(ctx);
    const same =
      session !== undefined &&
      session.channel.platform === here.platform &&
      session.channel.scope === here.scope &&
      (session.channel.channel === here.channel || session.thread === here.channel);
    if (!same) return err(textReply(t(ctx.lang, 'quiz.answer.closed'), false, 'private'));
    return answerLive(ctx, session, Number(liveRef[2]) - 1, liveRef[3] ?? '');
  }
  const soloRef = /^#p(\d{1,9})(?:\s+|$)([\s\S]*)$/i.exec(raw);
  if (soloRef !== null) return answerSolo(ctx, Number(soloRef[1]), soloRef[2] ?? '');
  const running = live.activeIn(channelOf(ctx));
  return running === undefined ? answerSolo(ctx, null, raw) : answerLive(ctx, running, null, raw);
}
