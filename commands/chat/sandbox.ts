import type { ChatCommand } from '../../src/chat/context.ts';
import { textReply } from '../../src/chat/reply.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { err, ok } from '../../src/result.ts';

/** `/sandbox reset [--yes]`: start over with a fresh cluster, only once the member confirms. */
export const sandbox: ChatCommand = {
  name: 'sandbox',
  run(ctx, args) {
    const words = args.split(/\s+/).filter((w) => w !== '');
    if (words[0] !== 'reset' || words.length > 2 || (words[1] !== undefined && words[1] !== '--yes')) {
      return err(textReply(t(ctx.lang, 'sandbox.usage'), false, 'private'));
    }
    if (words[1] !== '--yes') return ok(textReply(t(ctx.lang, 'sandbox.resetConfirm'), true, 'private'));
    const fresh = ctx.app.sandboxes.reset(ctx.key, ctx.app.clock());
    const nodes = ctx.app.sandboxes.load(fresh, ctx.app.clock()).nodes.length;
    return ok(textReply(t(ctx.lang, 'sandbox.resetDone', { nodes }), true, 'private'));
  },
};
