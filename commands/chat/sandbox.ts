import { sandboxKubeconfig } from '../../src/api/kubeconfig-reply.ts';
import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import { codeReply, type Reply, textReply } from '../../src/chat/reply.ts';
import { targetOf } from '../../src/group/contexts.ts';
import { resetDuringLab } from '../../src/guide/lab-coach.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { parseMapArgs } from '../../src/map/args.ts';
import { drawMap, mapReply } from '../../src/map/map.ts';
import { err, ok, type Result } from '../../src/result.ts';
import { noContext } from './kubectl.ts';

/**
 * `/sandbox map ...`: a read-only picture of the member's sandbox (src/map), or with
 * `--context=NAME` of a teammate's shared one (the same rule as `kubectl --context`; the owner
 * sees the look listed).
 */
function sandboxMap(ctx: CommandContext, args: string): Result<Reply, Reply> {
  const request = parseMapArgs(args);
  if (!request.ok)
    return err(
      request.error.kind === 'usage'
        ? textReply(t(ctx.lang, 'map.usage'), false, 'private')
        : codeReply(request.error.message, false),
    );
  const target = targetOf(ctx.app, ctx.request, request.value.context);
  if (target === null) return err(noContext(ctx, request.value.context ?? ''));
  const { sandboxes } = ctx.app;
  const now = ctx.app.clock();
  const cluster = sandboxes.load(sandboxes.open(target.key, now), now);
  if (target.kind === 'own') return ok(mapReply(cluster, request.value, ctx.lang));
  ctx.app.group.sandboxShares.recordLook(target.key, {
    looker: ctx.request.user,
    lookerName: ctx.request.userName ?? ctx.request.user,
    command: [...`/sandbox map ${args.trim()}`].slice(0, 200).join(''),
    at: now,
  });
  return ok(mapReply(cluster, request.value, ctx.lang, drawMap, target.name));
}

/**
 * `/sandbox reset [--yes]`: start over with a fresh cluster, only once the member confirms.
 * `/sandbox share [on|off]`: let the members of this server or workspace look at one's sandbox
 * (`kubectl --context=USERNAME`, read-only); without a word, whether it is shared and who looked.
 */
export const sandbox: ChatCommand = {
  name: 'sandbox',
  run(ctx, args) {
    const words = args.split(/\s+/).filter((w) => w !== '');
    if (words[0] === 'map') return sandboxMap(ctx, args.replace(/^\s*map/, ''));
    if (words[0] === 'share' && words.length <= 2) return share(ctx, words[1]);
    if (words[0] === 'kubeconfig' && words.length <= 2) return sandboxKubeconfig(ctx, words[1]);
    if (words[0] !== 'reset' || words.length > 2 || (words[1] !== undefined && words[1] !== '--yes')) {
      return err(say(t(ctx.lang, 'sandbox.usage'), false));
    }
    if (words[1] !== '--yes') return ok(withLab(ctx, say(t(ctx.lang, 'sandbox.resetConfirm'), true)));
    const fresh = ctx.app.sandboxes.reset(ctx.key, ctx.app.clock());
    const nodes = ctx.app.sandboxes.load(fresh, ctx.app.clock()).nodes.length;
    return ok(withLab(ctx, say(t(ctx.lang, 'sandbox.resetDone', { nodes }), true)));
  },
};

function share(ctx: CommandContext, word: string | undefined): Result<Reply, Reply> {
  const shares = ctx.app.group.sandboxShares;
  const now = ctx.app.clock();
  const username = ctx.request.username;
  switch (word?.toLowerCase()) {
    case undefined:
      return ok(say(status(ctx), true));
    case 'on':
      if (username === undefined) return err(say(t(ctx.lang, 'sandbox.share.noUsername'), false));
      // The sandbox exists before anyone looks, so a look never creates it.
      ctx.app.sandboxes.open(ctx.key, now);
      shares.share(ctx.key, username, now);
      return ok(say(t(ctx.lang, 'sandbox.share.on', { name: username }), true));
    case 'off':
      shares.unshare(ctx.key);
      return ok(say(t(ctx.lang, 'sandbox.share.off'), true));
    default:
      return err(say(t(ctx.lang, 'sandbox.usage'), false));
  }
}

function status(ctx: CommandContext): string {
  const shares = ctx.app.group.sandboxShares;
  const head = shares.isShared(ctx.key)
    ? t(ctx.lang, 'sandbox.share.isOn', { name: ctx.request.username ?? ctx.request.user })
    : t(ctx.lang, 'sandbox.share.isOff');
  const looks = shares.looks(ctx.key);
  if (looks.length === 0) return `${head}\n${t(ctx.lang, 'sandbox.share.noLooks')}`;
  const now = ctx.app.clock();
  const lines = looks.map((l) =>
    t(ctx.lang, 'sandbox.share.look', {
      name: l.lookerName,
      command: l.command.replaceAll('`', "'"),
      minutes: Math.max(0, Math.floor((now - l.at) / 60_000)),
    }),
  );
  return [head, t(ctx.lang, 'sandbox.share.looks'), ...lines].join('\n');
}

const say = (text: string, good: boolean): Reply => textReply(text, good, 'private');

/** A reset during a lab takes the lab's setup with it: ask whether to restart the lab too. */
function withLab(ctx: CommandContext, reply: Reply): Reply {
  const asked = resetDuringLab(ctx);
  if (asked === null) return reply;
  return { ...reply, blocks: [...reply.blocks, { kind: 'text', text: asked.text }], choices: asked.choices };
}
