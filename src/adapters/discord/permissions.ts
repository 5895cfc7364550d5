import { type Interaction, PermissionFlagsBits } from 'discord.js';
import type { App } from '../../chat/context.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';

/**
 * What a live quiz needs of the bot in its channel, checked before it starts: the quiz posts its
 * lobby, questions, reveals and podium as ordinary messages (not interaction answers), so a
 * channel that denies them would hear "the quiz started" and then nothing. Discord says what the
 * bot may do in the channel of every interaction (`app_permissions`), so no request is needed.
 */
const ALWAYS = [
  ['ViewChannel', 'View Channel', '채널 보기'],
  ['SendMessages', 'Send Messages', '메시지 보내기'],
  ['AttachFiles', 'Attach Files', '파일 첨부'],
] as const;
const IN_THREADS = [
  ['CreatePublicThreads', 'Create Public Threads', '공개 스레드 만들기'],
  ['SendMessagesInThreads', 'Send Messages in Threads', '스레드에서 메시지 보내기'],
] as const;

/** The sentence that refuses a live quiz here, naming what is missing; null when nothing is. */
export function missingForLiveQuiz(app: App, interaction: Interaction, lang: Lang): string | null {
  const granted = interaction.appPermissions;
  // Outside a guild (a DM) there is no channel permission to miss.
  if (interaction.guildId === null || granted === null) return null;
  const channel = {
    platform: 'discord' as const,
    scope: interaction.guildId,
    channel: interaction.channelId ?? '',
  };
  const needed = app.group.settings.get(channel).threads ? [...ALWAYS, ...IN_THREADS] : ALWAYS;
  const missing = needed.filter(([flag]) => !granted.has(PermissionFlagsBits[flag]));
  if (missing.length === 0) return null;
  const names = missing.map(([, en, ko]) => (lang === 'ko' ? ko : en)).join(', ');
  return t(lang, 'discord.quizMissingPermissions', { names });
}

/**
 * The invite link's `permissions`: exactly what the bot uses (what a live quiz needs, threads
 * included), so a server owner grants nothing more. docs/discord.md shows this number.
 */
export function invitePermissions(): bigint {
  return [...ALWAYS, ...IN_THREADS].reduce((bits, [flag]) => bits | PermissionFlagsBits[flag], 0n);
}
