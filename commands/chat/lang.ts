import type { ChatCommand } from '../../src/chat/context.ts';
import { textReply } from '../../src/chat/reply.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { isLang } from '../../src/i18n/lang.ts';
import { err, ok } from '../../src/result.ts';

/** `/lang ko|en`: the language the bot speaks to this member in (kubectl output stays English). */
export const lang: ChatCommand = {
  name: 'lang',
  run(ctx, args) {
    const choice = args.trim().toLowerCase();
    if (!isLang(choice)) return err(textReply(t(ctx.lang, 'lang.usage'), false, 'private'));
    ctx.app.members.setLang(ctx.key, choice);
    return ok(textReply(t(choice, 'lang.set'), true, 'private'));
  },
};
