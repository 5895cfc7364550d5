import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import { type Reply, textReply } from '../../src/chat/reply.ts';
import { isModerator } from '../../src/group/moderators.ts';
import { SETTINGS } from '../../src/group/settings-table.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { isLang } from '../../src/i18n/lang.ts';
import { channelOf } from '../../src/quiz/attempts.ts';
import { err, ok, type Result } from '../../src/result.ts';

/**
 * `/settings` shows this channel's settings to anyone; `/settings NAME VALUE` changes one, for
 * moderators only (`lang` is the channel's default language, the rest are in settings-table.ts).
 */
export const settings: ChatCommand = {
  name: 'settings',
  run(ctx, args) {
    const words = args.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) return ok(overview(ctx));
    const [name = '', value, ...extra] = words;
    const known = ['lang', ...SETTINGS.map((s) => s.name)];
    if (!known.includes(name.toLowerCase()))
      return err(
        say(t(ctx.lang, 'settings.unknown', { name: shown(name), names: known.map(code).join(', ') }), false),
      );
    if (value === undefined) return ok(overview(ctx));
    if (!isModerator(ctx.request, ctx.app.group.settings.get(channelOf(ctx))))
      return err(say(t(ctx.lang, 'settings.notModerator'), false));
    if (extra.length > 0) return err(badValue(ctx, name, words.slice(1).join(' '), acceptsOf(name)));
    return change(ctx, name.toLowerCase(), value);
  },
};

function change(ctx: CommandContext, name: string, value: string): Result<Reply, Reply> {
  const channel = channelOf(ctx);
  if (name === 'lang') {
    if (!isLang(value)) return err(badValue(ctx, name, value, acceptsOf(name)));
    ctx.app.channels.setLang(channel, value);
    return ok(say(t(value, 'settings.set', { name, value }), true, 'public'));
  }
  const spec = SETTINGS.find((s) => s.name === name);
  if (spec === undefined) return err(badValue(ctx, name, value, ''));
  const read = spec.read(value, ctx.app.quiz.catalog());
  if (!read.ok) return err(badValue(ctx, name, value, spec.accepts));
  const { group } = ctx.app;
  const next = { ...group.settings.get(channel), ...read.value };
  group.settings.put(channel, next);
  group.onSettingsChanged(channel, next, ctx.app.clock());
  return ok(say(t(ctx.lang, 'settings.set', { name, value: spec.show(next) }), true, 'public'));
}

function overview(ctx: CommandContext): Reply {
  const channel = channelOf(ctx);
  const current = ctx.app.group.settings.get(channel);
  const lang = ctx.app.channels.lang(channel) ?? ctx.app.defaultLang;
  const lines = [
    t(ctx.lang, 'settings.title'),
    `• lang: ${lang}  (ko|en)`,
    ...SETTINGS.map((s) => `• ${s.name}: ${s.show(current)}  (${s.accepts})`),
  ];
  return say(lines.join('\n'), true);
}

const acceptsOf = (name: string) =>
  name === 'lang' ? 'ko|en' : (SETTINGS.find((s) => s.name === name)?.accepts ?? '');

const badValue = (ctx: CommandContext, name: string, value: string, accepts: string): Reply =>
  say(t(ctx.lang, 'settings.badValue', { name, value: shown(value), accepts }), false);

/** Echoed input: backticks removed (they would close the code span), long text cut. */
const shown = (text: string) => [...text.replaceAll('`', '')].slice(0, 40).join('');
const code = (name: string) => `\`${name}\``;

const say = (text: string, good: boolean, visibility: 'public' | 'private' = 'private'): Reply =>
  textReply(text, good, visibility);
