import type { ChatCommand } from '../../src/chat/context.ts';
import { textReply } from '../../src/chat/reply.ts';
import { guideIsOn } from '../../src/guide/hook.ts';
import { type MessageKey, t } from '../../src/i18n/catalogue.ts';
import { err, ok } from '../../src/result.ts';
import { onPlatform } from './help.ts';

/**
 * `/guide on|off`: the member's own choice of the `💡` line under kubectl's output (and the
 * did-you-mean line); `/guide` alone says which is in force. A channel's default is
 * `/settings guide on|off`.
 */
export const guide: ChatCommand = {
  name: 'guide',
  run(ctx, args) {
    // As the member's platform types the command (`/guide state:off` on Discord).
    const said = (key: MessageKey) => onPlatform(key, ctx.request.platform);
    const choice = args.trim().toLowerCase();
    if (choice === '') {
      const on = guideIsOn(ctx.app, ctx.request);
      return ok(textReply(t(ctx.lang, said(on ? 'guide.isOn' : 'guide.isOff')), true, 'private'));
    }
    if (choice !== 'on' && choice !== 'off')
      return err(textReply(t(ctx.lang, said('guide.usage')), false, 'private'));
    ctx.app.members.setGuide(ctx.key, choice === 'on');
    return ok(
      textReply(t(ctx.lang, said(choice === 'on' ? 'guide.turnedOn' : 'guide.turnedOff')), true, 'private'),
    );
  },
};
