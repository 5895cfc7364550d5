import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import { codeReply, type Reply, textReply } from '../../src/chat/reply.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { parseMapArgs } from '../../src/map/args.ts';
import { mapReply } from '../../src/map/map.ts';
import { err, ok, type Result } from '../../src/result.ts';

/** `/sandbox map ...`: a read-only picture of the member's sandbox (src/map). */
function sandboxMap(ctx: CommandContext, args: string): Result<Reply, Reply> {
  const request = parseMapArgs(args);
  if (!request.ok)
    return err(
      request.error.kind === 'usage'
        ? textReply(t(ctx.lang, 'map.usage'), false, 'private')
        : codeReply(request.error.message, false),
    );
  const { sandboxes } = ctx.app;
  const cluster = sandboxes.load(sandboxes.open(ctx.key, ctx.app.clock()), ctx.app.clock());
  return ok(mapReply(cluster, request.value, ctx.lang));
}

/** `/sandbox reset [--yes]`: start over with a fresh cluster, only once the member confirms. */
export const sandbox: ChatCommand = {
  name: 'sandbox',
  run(ctx, args) {
    const words = args.split(/\s+/).filter((w) => w !== '');
    if (words[0] === 'map') return sandboxMap(ctx, args.replace(/^\s*map/, ''));
    if (words[0] !== 'reset' || words.length > 2 || (words[1] !== undefined && words[1] !== '--yes')) {
      return err(textReply(t(ctx.lang, 'sandbox.usage'), false, 'private'));
    }
    if (words[1] !== '--yes') return ok(textReply(t(ctx.lang, 'sandbox.resetConfirm'), true, 'private'));
    const fresh = ctx.app.sandboxes.reset(ctx.key, ctx.app.clock());
    const nodes = ctx.app.sandboxes.load(fresh, ctx.app.clock()).nodes.length;
    return ok(textReply(t(ctx.lang, 'sandbox.resetDone', { nodes }), true, 'private'));
  },
};
