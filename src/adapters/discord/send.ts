import {
  type APIChannel,
  type APIMessage,
  MessageFlags,
  type MessageMentionOptions,
  type REST,
  type RepliableInteraction,
  Routes,
} from 'discord.js';
import type { ChannelRef, MessageRef, Outbox } from '../../chat/outbox.ts';
import type { Reply } from '../../chat/reply.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { IdTable } from './custom-id.ts';
import { type Attachment, renderWithFiles } from './files.ts';
import { type OutgoingMessage, type RenderOptions, renderSingle } from './render.ts';

/** Every message, whatever it echoes, pings nobody: no @everyone, no roles, no users. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/**
 * Answers an interaction with a Reply: the first message as the interaction's response (or the
 * edit of a deferred one), the rest as follow-ups. Ephemerality is fixed when a response is
 * deferred; a private reply to a public deferral replaces the "thinking…" message with an
 * ephemeral follow-up.
 */
export async function answer(
  interaction: RepliableInteraction,
  reply: Reply,
  render: RenderOptions,
): Promise<void> {
  const ephemeral = reply.visibility === 'private';
  const [first, ...rest] = renderWithFiles(reply, render);
  if (first === undefined) return;
  if (interaction.deferred && !interaction.replied && interaction.ephemeral === ephemeral) {
    await interaction.editReply(options(first.message, first.files));
  } else if (interaction.deferred || interaction.replied) {
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply();
    await interaction.followUp({ ...options(first.message, first.files), ...flags(ephemeral) });
  } else {
    await interaction.reply({ ...options(first.message, first.files), ...flags(ephemeral) });
  }
  for (const { message, files } of rest)
    await interaction.followUp({ ...options(message, files), ...flags(ephemeral) });
}

const flags = (ephemeral: boolean) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});

function options(message: OutgoingMessage, extra: readonly Attachment[] = []) {
  return {
    ...(message.content === null ? {} : { content: message.content }),
    components: message.components,
    files: [
      ...(message.file === null
        ? []
        : [{ attachment: Buffer.from(message.file.text), name: message.file.name }]),
      ...extra.map((f) => ({ attachment: f.data, name: f.name })),
    ],
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * The core's channel voice (live-quiz questions, their closing, reveals, podiums) as plain REST
 * calls. The few labels the adapter draws (a submit button) follow the channel's language.
 */
export function discordOutbox(rest: REST, ids: IdTable, langOf: (channel: ChannelRef) => Lang): Outbox {
  const render = (channel: ChannelRef, reply: Reply) =>
    restPayload(renderSingle(reply, { ids, lang: langOf(channel) }));
  return {
    async post(channel, reply) {
      const sent = (await rest.post(
        Routes.channelMessages(channel.channel),
        render(channel, reply),
      )) as APIMessage;
      return { ...channel, id: sent.id } satisfies MessageRef;
    },
    async edit(message, reply) {
      await rest.patch(Routes.channelMessage(message.channel, message.id), render(message, reply));
    },
    async tell(scope, user, reply) {
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: user } })) as APIChannel;
      await rest.post(Routes.channelMessages(dm.id), render(scope, reply));
    },
    async startThread(message, name) {
      // A public thread on the message; archived after a day without messages, as the client's default.
      const thread = (await rest.post(Routes.threads(message.channel, message.id), {
        body: { name, auto_archive_duration: 1440 },
      })) as APIChannel;
      return { platform: message.platform, scope: message.scope, channel: thread.id };
    },
  };
}

/** A message as a raw REST body; `attachments` lists the new file, or none (dropping an old one on edit). */
function restPayload(message: OutgoingMessage) {
  const { file } = message;
  return {
    body: {
      content: message.content ?? '',
      components: message.components,
      allowed_mentions: { parse: [] },
      attachments: file === null ? [] : [{ id: 0, filename: file.name }],
    },
    ...(file === null
      ? {}
      : { files: [{ name: file.name, data: Buffer.from(file.text), contentType: 'text/plain' }] }),
  };
}
