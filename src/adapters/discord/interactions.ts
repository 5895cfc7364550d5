import { randomUUID } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { App, ChatCommand } from '../../chat/context.ts';
import { manifestOf } from '../../chat/manifest-of.ts';
import { type Reply, textReply } from '../../chat/reply.ts';
import type { Attachment, Request } from '../../chat/request.ts';
import { LIMITS } from '../../cluster/limits.ts';
import { type Executor, serve } from '../../executor/executor.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { KubectlVerb } from '../../kubectl/verb.ts';
import { isQuizAnswer } from '../../quiz/answer-batch.ts';
import { type AnswerBatcher, answerBatcher } from '../../quiz/answer-batcher.ts';
import type { SandboxKey } from '../../store/sandboxes.ts';
import type { IdTable } from './custom-id.ts';
import { type DownloadError, download } from './download.ts';
import { escapeDiscord } from './escape.ts';
import { type FileOption, type Invocation, type OptionValue, planOf, withStdin } from './invocation.ts';
import { boxText, manifestModal } from './modal.ts';
import { missingForLiveQuiz } from './permissions.ts';
import type { RenderOptions } from './render.ts';
import { combineActions, type Selections } from './selections.ts';
import { answer, NO_MENTIONS } from './send.ts';

/**
 * Discord interactions in, dispatch Requests through, Replies out. Nothing here decides what
 * the bot says: texts come from dispatch or the catalogue. Each interaction is acknowledged
 * within Discord's 3 seconds whatever the command costs: the executor runs it off this thread,
 * and a reply not ready within `ACK_WITHIN_MS` is deferred first (`inTime`).
 */
export interface HandlerDeps {
  app: App;
  executor: Executor;
  commands: readonly ChatCommand[];
  verbs: readonly KubectlVerb[];
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
  ids: IdTable;
  selections: Selections;
}

/** Direct messages have no guild; their sandboxes live in a scope of their own. */
const DM_SCOPE = '@me';

export function interactionHandler(deps: HandlerDeps): (interaction: Interaction) => Promise<void> {
  // Quiz answers are recorded in batches, each at the time it arrived (quiz/answer-batcher.ts).
  const answers = answerBatcher(deps.app, deps.executor);
  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) await autocomplete(deps, interaction);
      else if (interaction.isChatInputCommand()) await command(deps, interaction);
      else if (interaction.isButton()) await button(deps, answers, interaction);
      else if (interaction.isStringSelectMenu()) await select(deps, interaction);
      else if (interaction.isModalSubmit()) await modal(deps, interaction);
      else if (interaction.isMessageContextMenuCommand()) await applyFromMessage(deps, interaction);
    } catch (error) {
      const id = randomUUID().slice(0, 8);
      deps.app.log.error({ err: error, errorId: id, platform: 'discord' }, 'interaction failed');
      if (interaction.isRepliable()) await apologize(deps, interaction, id);
    }
  };
}

async function command(deps: HandlerDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  const plan = planOf(deps.definitions, invocationOf(interaction));
  const render = renderOptions(deps, interaction);
  const { lang } = render;
  if (plan.kind === 'modal') {
    await interaction.showModal(
      manifestModal(deps.ids.encode('f', plan.commandLine), plan.commandLine, lang),
    );
    return;
  }
  if (plan.kind === 'dispatch' && /^\/quiz start(\s|$)/.test(plan.text)) {
    const missing = missingForLiveQuiz(deps.app, interaction, lang);
    if (missing !== null) {
      await answer(interaction, textReply(missing, false, 'private'), render);
      return;
    }
  }
  // An option is one line with no standard input: three backticks in it are just characters.
  if (plan.file === null) {
    await answer(interaction, await inTime(interaction, run(deps, interaction, plan.text, [], null)), render);
    return;
  }
  // A file that cannot be a manifest is refused before anything public ("thinking…") shows.
  const unfit = unfitAttachment(plan.file, lang);
  if (unfit !== null) {
    await answer(interaction, textReply(unfit, false, 'private'), render);
    return;
  }
  // Downloads can take longer than the 3 s Discord gives; most results are public.
  await interaction.deferReply();
  const fetched = await download(plan.file);
  if (!fetched.ok) {
    await answer(interaction, downloadFailed(fetched.error, plan.file.name, lang), render);
    return;
  }
  const attached = [{ name: plan.file.name, content: fetched.value }];
  const reply = await run(deps, interaction, plan.text, attached, null);
  await answer(interaction, reply, render);
}

/**
 * "Apply manifest" on any message: its first code block, YAML written without a fence, or (as
 * Discord turns a long paste into `message.txt`) its first attached text or YAML file, applied
 * with `kubectl apply -f -` to the member's own sandbox. The answer is private to the member.
 */
async function applyFromMessage(
  deps: HandlerDeps,
  interaction: MessageContextMenuCommandInteraction,
): Promise<void> {
  const render = renderOptions(deps, interaction);
  const target = interaction.targetMessage;
  const inline = manifestOf(target.content);
  const file = inline === null ? manifestFile(target) : null;
  const privately = (reply: Reply): Reply => ({ ...reply, visibility: 'private' });
  if (inline !== null) {
    const reply = await inTime(interaction, run(deps, interaction, 'kubectl apply -f -', [], inline));
    await answer(interaction, privately(reply), render);
    return;
  }
  if (file === null) {
    await answer(interaction, textReply(t(render.lang, 'apply.fromMessage.none'), false, 'private'), render);
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const fetched = await download(file);
  if (!fetched.ok) {
    await answer(interaction, downloadFailed(fetched.error, file.name, render.lang), render);
    return;
  }
  const reply = await run(deps, interaction, 'kubectl apply -f -', [], fetched.value);
  await answer(interaction, privately(reply), render);
}

/**
 * Why an attached file cannot be read by `-f`, from what Discord reports about it: larger than a
 * message may be, or not text (a screenshot must never reach kubectl). null when it may be.
 */
function unfitAttachment(file: FileOption, lang: Lang): string | null {
  if (file.size > LIMITS.messageBytes)
    return t(lang, 'bot.tooLong', { size: file.size, limit: LIMITS.messageBytes });
  const type = (file.contentType ?? '').split(';')[0]?.trim() ?? '';
  const text = type === '' || type.startsWith('text/') || /yaml|json/.test(type);
  return text ? null : t(lang, 'discord.notText', { name: file.name, type });
}

/** Why an attached file could not be read, privately: too big for a message, or not fetched. */
function downloadFailed(error: DownloadError, name: string, lang: Lang): Reply {
  const text =
    error.code === 'tooLarge'
      ? t(lang, 'bot.tooLong', { size: error.size, limit: LIMITS.messageBytes })
      : t(lang, 'discord.downloadFailed', { name });
  return textReply(text, false, 'private');
}

/** A message's first attachment that is text or YAML by its type or name. */
function manifestFile(message: Message): FileOption | null {
  for (const attachment of message.attachments.values()) {
    const type = attachment.contentType ?? '';
    if (type.startsWith('text/') || /yaml|json/.test(type) || /\.(ya?ml|json|txt)$/i.test(attachment.name))
      return { name: attachment.name, url: attachment.url, size: attachment.size };
  }
  return null;
}

function invocationOf(interaction: ChatInputCommandInteraction): Invocation {
  const subcommand = interaction.options.getSubcommand(false);
  const data = subcommand === null ? interaction.options.data : (interaction.options.data[0]?.options ?? []);
  const values = new Map<string, OptionValue>();
  let file: Invocation['file'] = null;
  for (const option of data) {
    if (option.type === ApplicationCommandOptionType.Attachment && option.attachment !== undefined) {
      const { name, url, size, contentType } = option.attachment;
      file = { name, url, size, ...(contentType === null ? {} : { contentType }) };
    } else if (option.value !== undefined && option.value !== null) {
      values.set(option.name, option.value);
    }
  }
  return { command: interaction.commandName, subcommand, values, file };
}

async function modal(deps: HandlerDeps, interaction: ModalSubmitInteraction): Promise<void> {
  const decoded = deps.ids.decode(interaction.customId);
  const render = renderOptions(deps, interaction);
  const reply =
    decoded?.kind === 'f'
      ? await inTime(interaction, run(deps, interaction, withStdin(decoded.text, boxText(interaction)), []))
      : expired(render.lang);
  await answer(interaction, reply, render);
}

async function button(
  deps: HandlerDeps,
  answers: AnswerBatcher,
  interaction: ButtonInteraction,
): Promise<void> {
  const at = deps.app.clock();
  const decoded = deps.ids.decode(interaction.customId);
  const render = renderOptions(deps, interaction);
  // A quiz answer joins its channel's batch; any other button runs as a command.
  const click = (text: string) =>
    isQuizAnswer(text)
      ? answers.answer(requestOf(interaction, text, []), at).then((answered) => answered.reply)
      : run(deps, interaction, text, []);
  let reply = expired(render.lang);
  if (decoded?.kind === 'c') reply = await inTime(interaction, click(decoded.text));
  if (decoded?.kind === 's') {
    const picked = deps.selections.take(interaction.message.id, interaction.user.id);
    reply =
      picked === null
        ? textReply(t(render.lang, 'discord.pickFirst'), false, 'private')
        : await inTime(interaction, click(combineActions(picked)));
  }
  await answer(interaction, reply, render);
}

/** A pick in a multi-select counts only once submitted; until then it is remembered, not sent. */
async function select(deps: HandlerDeps, interaction: StringSelectMenuInteraction): Promise<void> {
  // Picks are kept in the order the choices were offered, whatever order they were clicked in.
  const offered = interaction.component.options.map((o) => o.value);
  const picked = [...interaction.values].sort((a, b) => offered.indexOf(a) - offered.indexOf(b));
  const actions = picked.flatMap((v) => {
    const decoded = deps.ids.decode(v);
    return decoded?.kind === 'm' ? [decoded.text] : [];
  });
  deps.selections.put(interaction.message.id, interaction.user.id, actions);
  await interaction.deferUpdate();
}

async function autocomplete(deps: HandlerDeps, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const focus = { command: interaction.commandName, option: focused.name, typed: String(focused.value) };
  const { lang } = renderOptions(deps, interaction);
  // Suggestions come late or never rather than after Discord's 3 s: then the member sees none.
  const late = new Promise<[]>((resolve) => setTimeout(() => resolve([]), ACK_WITHIN_MS).unref());
  const offered = await Promise.race([deps.executor.suggest(keyOf(interaction), focus, lang), late]);
  await interaction.respond(offered);
}

/**
 * How long a reply may take before the interaction is deferred. Deferring fixes whether the
 * answer is ephemeral before the reply says so; most replies arrive well within this, and
 * answer directly with the right visibility.
 */
export const ACK_WITHIN_MS = 1500;

/** The reply, after deferring the interaction if it is not ready within ACK_WITHIN_MS. */
async function inTime(interaction: RepliableInteraction, pending: Promise<Reply>): Promise<Reply> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), ACK_WITHIN_MS);
  });
  const first = await Promise.race([pending, slow]);
  clearTimeout(timer);
  if (first !== 'slow') return first;
  await interaction.deferReply();
  return pending;
}

/** `stdin` given: `text` is only the command line (see Request.stdin); else the core parses fences. */
function run(
  deps: HandlerDeps,
  interaction: Interaction,
  text: string,
  attachments: Attachment[],
  stdin?: string | null,
): Promise<Reply> {
  const request = requestOf(interaction, text, attachments);
  return serve(deps.app, deps.executor, stdin === undefined ? request : { ...request, stdin });
}

function requestOf(interaction: Interaction, text: string, attachments: Attachment[]): Request {
  const member = interaction.member;
  const userName = escapeDiscord(
    member !== null && 'displayName' in member ? member.displayName : interaction.user.displayName,
  );
  return {
    ...keyOf(interaction),
    channel: interaction.channelId ?? '',
    userName,
    username: interaction.user.username,
    role: isModerator(interaction) ? 'moderator' : 'member',
    groups: roleNames(interaction),
    ...localeOf(interaction),
    text,
    attachments,
  };
}

/** Discord's moderators: Manage Messages or Manage Server in this channel (DMs have none). */
const isModerator = (interaction: Interaction): boolean =>
  interaction.memberPermissions?.any([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ManageGuild]) ??
  false;

/** The member's role names where the guild is cached, else their ids. */
function roleNames(interaction: Interaction): string[] {
  const roles = interaction.member?.roles;
  if (roles === undefined) return [];
  if (Array.isArray(roles)) return roles;
  return roles.cache.map((r) => r.name);
}

const keyOf = (interaction: Interaction): SandboxKey => ({
  platform: 'discord',
  scope: interaction.guildId ?? DM_SCOPE,
  user: interaction.user.id,
});

/** Discord's client language, where Podium speaks it: `ko` → Korean, `en-US`/`en-GB` → English. */
function localeOf(interaction: Interaction): { locale?: Lang } {
  const language = interaction.locale.split('-')[0];
  return language === 'ko' || language === 'en' ? { locale: language } : {};
}

/**
 * Labels the adapter draws speak as dispatch does: the member's choice, their Discord client's
 * language, the channel's, the bot's.
 */
function renderOptions(deps: HandlerDeps, interaction: Interaction): RenderOptions {
  const { app } = deps;
  const key = keyOf(interaction);
  const channel = { platform: key.platform, scope: key.scope, channel: interaction.channelId ?? '' };
  const lang =
    app.members.lang(key) ?? localeOf(interaction).locale ?? app.channels.lang(channel) ?? app.defaultLang;
  return { ids: deps.ids, lang };
}

/** A button or modal from before a restart whose long text is no longer known. */
const expired = (lang: Lang): Reply => textReply(t(lang, 'discord.expired'), false, 'private');

async function apologize(deps: HandlerDeps, interaction: RepliableInteraction, id: string): Promise<void> {
  const content = t(renderOptions(deps, interaction).lang, 'bot.apology', { id });
  const message = { content, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const };
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (error) {
    deps.app.log.warn({ err: error, errorId: id }, 'could not apologise on Discord');
  }
}
