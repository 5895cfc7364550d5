import type { ChatCommand } from '../../src/chat/context.ts';
import { textReply } from '../../src/chat/reply.ts';
import { isModerator } from '../../src/group/moderators.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { isLang } from '../../src/i18n/lang.ts';
import { channelOf } from '../../src/quiz/attempts.ts';
import { err, ok } from '../../src/result.ts';

/**
 * `/lang ko|en`: the language the bot speaks to this member in (kubectl output stays English);
 * `/lang channel ko|en`: the channel's default for members who have not chosen.
 */
export const lang: ChatCommand = {
  name: 'lang',
  run(ctx, args) {
    const choice = args.trim().toLowerCase();
    // `/lang channel ko|en`: the default for members of this channel who have not chosen.
    const channel = /^channel\s+(\S+)$/.exec(choice);
    if (channel !== null && isLang(channel[1] ?? '')) {
      if (!isModerator(ctx.request, ctx.app.group.settings.get(channelOf(ctx))))
        return err(textReply(t(ctx.lang, 'lang.channelModerators'), false, 'private'));
      const chosen = channel[1] === 'ko' ? 'ko' : 'en';
      const { platform, scope } = ctx.request;
      ctx.app.channels.setLang({ platform, scope, channel: ctx.request.channel }, chosen);
      return ok(textReply(t(chosen, 'lang.channelSet'), true, 'public'));
    }
    if (!isLang(choice)) return err(textReply(t(ctx.lang, 'lang.channelUsage'), false, 'private'));
    ctx.app.members.setLang(ctx.key, choice);
    return ok(textReply(t(choice, 'lang.set'), true, 'private'));
  },
};
