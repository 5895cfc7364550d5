import type { ChatCommand } from '../../src/chat/context.ts';
import { type Reply, textReply } from '../../src/chat/reply.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { err, ok } from '../../src/result.ts';

/**
 * `/share ID`: what the Share button under a private reply sends. Posts that reply in the channel
 * under the member's name; only its owner can, and only once.
 */
export const share: ChatCommand = {
  name: 'share',
  run(ctx, args) {
    const match = /^(\d{1,12})$/.exec(args.trim());
    const say = (key: 'share.usage' | 'share.gone' | 'share.already') =>
      err(textReply(t(ctx.lang, key), false, 'private'));
    if (match === null) return say('share.usage');
    const stored = ctx.app.group.shares.get(Number(match[1]), ctx.app.clock());
    const { request } = ctx;
    const mine =
      stored !== undefined &&
      stored.platform === request.platform &&
      stored.scope === request.scope &&
      stored.user === request.user;
    if (!mine) return say('share.gone');
    if (stored.sharedAt !== null) return say('share.already');
    ctx.app.group.shares.markShared(stored.id, ctx.app.clock());
    const heading = t(ctx.lang, 'share.heading', { name: stored.userName });
    const shared: Reply = {
      ok: true,
      blocks: [{ kind: 'text', text: heading }, ...stored.reply.blocks],
      choices: [],
      visibility: 'public',
    };
    return ok(shared);
  },
};
