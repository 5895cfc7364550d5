import {
  type APIChannel,
  type APIMessage,
  DiscordAPIError,
  MessageFlags,
  type MessageMentionOptions,
  type REST,
  type RepliableInteraction,
  Routes,
} from 'discord.js';
import type { ChannelRef, MessageRef, Outbox } from '../../chat/outbox.ts';
import { type Block, type Reply, textReply } from '../../chat/reply.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { IdTable } from './custom-id.ts';
import { type Attachment, renderWithFiles } from './files.ts';
import { type OutgoingMessage, type RenderOptions, renderCut, renderSingle } from './render.ts';

/** Every message, whatever it echoes, pings nobody: no @everyone, no roles, no users. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/**
 * Answers an interaction with a Reply: the first message as the interaction's response (or the
 * edit of a deferred one), the rest as follow-ups. Ephemerality is fixed when a response is
 * deferred; a private reply to a public deferral replaces the "thinking…" message with an
 * ephemeral follow-up. A message whose file Discord refuses (413 40005 past the server's upload
 * limit) is sent again without it, saying so: a long output never just vanishes.
 */
export async function answer(
  interaction: RepliableInteraction,
  reply: Reply,
  render: RenderOptions,
): Promise<void> {
  const ephemeral = reply.visibility === 'private';
  const edit = interaction.deferred && !interaction.replied && interaction.ephemeral === ephemeral;
  if (interaction.deferred && !interaction.replied && !edit) await interaction.deleteReply();
  let first: 'reply' | 'edit' | null =
    !interaction.replied && !interaction.deferred ? 'reply' : edit ? 'edit' : null;
  const send = async ({ message, files }: Outgoing) => {
    const body = options(message, files);
    if (first === 'edit') await interaction.editReply(body);
    else if (first === 'reply') await interaction.reply({ ...body, ...flags(ephemeral) });
    else await interaction.followUp({ ...body, ...flags(ephemeral) });
    first = null;
  };
  for (const outgoing of renderWithFiles(reply, render)) {
    try {
      await send(outgoing);
    } catch (error) {
      const refused = uploadRefused(error, outgoing);
      if (refused === null) throw error;
      for (const instead of withoutFiles(reply, outgoing, refused, render)) await send(instead);
    }
  }
}

type Outgoing = { message: OutgoingMessage; files: Attachment[] };

/** Discord's words for a refused upload (`Request entity too large`), or null for another failure. */
function uploadRefused(error: unknown, { message, files }: Outgoing): string | null {
  if (message.file === null && files.length === 0) return null;
  return error instanceof DiscordAPIError ? error.message : null;
}

/**
 * What to send instead of a message whose files were refused: output that was to be a file as
 * messages cut to fit, led by a note; other files left off, with a note that counts them.
 */
function withoutFiles(
  reply: Reply,
  { message, files }: Outgoing,
  error: string,
  render: RenderOptions,
): Outgoing[] {
  const note = (text: string): Block => ({ kind: 'text', text });
  if (message.file !== null) {
    const said = note(t(render.lang, 'discord.uploadFailed', { error }));
    const cut = renderCut({ ...reply, blocks: [said, ...reply.blocks], files: [] }, render);
    return cut.map((m) => ({ message: m, files: [] }));
  }
  const count = files.length;
  const counted = renderSingle(textReply(t(render.lang, 'discord.filesFailed', { count, error })), render);
  return [
    { message, files: [] },
    { message: counted, files: [] },
  ];
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
  /**
   * One message for `reply`, sent by `send`; where Discord refuses the file a long one became
   * (413 40005), the same message again, cut to fit and saying why.
   */
  const deliver = async <T>(
    channel: ChannelRef,
    reply: Reply,
    send: (payload: RestPayload) => Promise<T>,
  ) => {
    const options = { ids, lang: langOf(channel) };
    const message = renderSingle(reply, options);
    try {
      return await send(restPayload(message));
    } catch (error) {
      if (message.file === null || !(error instanceof DiscordAPIError)) throw error;
      const said: Block = {
        kind: 'text',
        text: t(options.lang, 'discord.uploadFailed', { error: error.message }),
      };
      const [cut] = renderCut({ ...reply, blocks: [said, ...reply.blocks] }, options, 1);
      return send(restPayload(cut ?? message));
    }
  };
  return {
    async post(channel, reply) {
      const sent = (await deliver(channel, reply, (payload) =>
        rest.post(Routes.channelMessages(channel.channel), payload),
      )) as APIMessage;
      return { ...channel, id: sent.id } satisfies MessageRef;
    },
    async edit(message, reply) {
      await deliver(message, reply, (payload) =>
        rest.patch(Routes.channelMessage(message.channel, message.id), payload),
      );
    },
    async tell(scope, user, reply) {
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: user } })) as APIChannel;
      await deliver(scope, reply, (payload) => rest.post(Routes.channelMessages(dm.id), payload));
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

type RestPayload = ReturnType<typeof restPayload>;

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
