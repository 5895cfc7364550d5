import type { Server } from 'node:http';
import { commandPayloads } from '../../../../src/adapters/discord/commands.ts';
import { type FakeGateway, type FakeGuild, startGateway } from './gateway.ts';
import {
  base,
  commandData,
  type FakeAttachment,
  type FakeUser,
  messageCommandData,
  modalSubmitData,
  type OptionInput,
  userMessage,
} from './payloads.ts';
import { startRest } from './rest.ts';
import {
  APP_ID,
  CHANNEL_ID,
  createState,
  type FakeState,
  GUILD_ID,
  type InteractionRecord,
  MAIN_GUILD,
  messageJson,
  QUIET_CHANNEL_ID,
  QUIET_PERMISSIONS,
  type StoredMessage,
} from './state.ts';

/**
 * A strict local Discord on 127.0.0.1: REST (node:http) and gateway (ws). Tests drive it as
 * Discord's own client would (a member runs a command, types into an autocompleted option,
 * clicks a button, submits a modal) and read what the bot sent. Anything Discord would refuse
 * lands in `rejections`, which tests expect to stay empty; an interaction not acknowledged
 * within `ackWindowMs` (3 s, as on Discord) is a rejection too, and expires.
 */
export interface Handle {
  record: InteractionRecord;
  /** The response message once it has content (a deferred one once it has been edited). */
  reply(): Promise<StoredMessage>;
  /**
   * What the member ends up seeing first: the response, or, when a deferred public response gave
   * way to a private answer, the ephemeral follow-up that replaced it.
   */
  answer(): Promise<StoredMessage>;
  /** Resolves when `count` follow-ups have arrived. */
  followups(count: number): Promise<StoredMessage[]>;
  choices(): Promise<{ name: string; value: unknown }[]>;
  modal(): Promise<Record<string, unknown>>;
}

export interface FakeDiscord {
  restUrl: string;
  gateway: FakeGateway;
  state: FakeState;
  options: { ackWindowMs: number };
  /**
   * A slash command; `channel: QUIET_CHANNEL_ID` runs it where the bot may not send messages,
   * `guild` in another server's channel (its events go to that server's shard).
   */
  command(
    user: FakeUser,
    path: string,
    inputs?: Record<string, OptionInput>,
    where?: { channel?: string; guild?: FakeGuild; dm?: boolean },
  ): Handle;
  /** A message command (the message's Apps menu) on a message `author` wrote. */
  messageCommand(
    user: FakeUser,
    name: string,
    author: FakeUser,
    content: string,
    attachments?: FakeAttachment[],
  ): Handle;
  autocomplete(user: FakeUser, path: string, inputs: Record<string, OptionInput>, focused: string): Handle;
  click(user: FakeUser, message: StoredMessage, customId: string): Handle;
  select(user: FakeUser, message: StoredMessage, customId: string, values: string[]): Handle;
  /** A modal submitted; `channel: QUIET_CHANNEL_ID` from the channel where the bot may not post. */
  submitModal(
    user: FakeUser,
    modal: Record<string, unknown>,
    values: Record<string, string>,
    where?: { channel?: string },
  ): Handle;
  /** An uploaded file; its content type follows the name (`.png` is image/png) unless given. */
  attachment(filename: string, text: string, delayMs?: number, contentType?: string): FakeAttachment;
  /** Messages in the channel, oldest first (interaction responses included, ephemeral ones too). */
  channelMessages(): StoredMessage[];
  waitFor<T>(probe: () => T | null | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export interface FakeDiscordOptions {
  heartbeatInterval?: number;
  /** How many shards Discord recommends for the bot (1 unless a test says otherwise). */
  shards?: number;
  /** The servers the bot is in: the main one, unless a test adds SECOND_GUILD. */
  guilds?: readonly FakeGuild[];
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const state = createState();
  const shards = options.shards ?? 1;
  const guilds = options.guilds ?? [MAIN_GUILD];
  const gateway = await startGateway(state, {
    heartbeatInterval: options.heartbeatInterval ?? 41_250,
    shards,
    guilds,
  });
  const channels = new Set(guilds.map((g) => g.channel));
  const rest = await startRest({ state, gatewayUrl: () => gateway.url, shards, channels });
  const settings = { ackWindowMs: 3000 };
  const definitions = commandPayloads();
  const commandIds = new Map(definitions.map((d) => [d.name, state.snowflake()]));

  const waitFor = <T>(probe: () => T | null | undefined | false, timeoutMs = 3000): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === null || value === undefined || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Discord: condition not met within ${timeoutMs} ms: ${probe.toString()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        state.events.off('change', check);
      };
      state.events.on('change', check);
      check();
    });

  /** An interaction from the channel where the bot may not send: its `app_permissions` say so. */
  const quietChannel = () => ({
    channel_id: QUIET_CHANNEL_ID,
    channel: {
      id: QUIET_CHANNEL_ID,
      type: 0,
      guild_id: GUILD_ID,
      name: 'quiet',
      flags: 0,
      permissions: QUIET_PERMISSIONS,
    },
    app_permissions: QUIET_PERMISSIONS,
  });

  /**
   * The same interaction from the member's direct messages with the bot (context 1, BotDM): no
   * guild and no member but a `user`, a DM channel (type 1), and an integration owner of "0".
   */
  const inDm = (payload: Record<string, unknown>): Record<string, unknown> => {
    const { guild_id: _guild, member, guild_locale: _locale, ...rest } = payload;
    const user = (member as { user: { id: string } }).user;
    const existing = [...state.dms].find(([, u]) => u === user.id)?.[0];
    const channel = existing ?? state.snowflake();
    state.dms.set(channel, user.id);
    return {
      ...rest,
      user,
      channel_id: channel,
      channel: { id: channel, type: 1, flags: 0, last_message_id: null, recipients: [user] },
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    };
  };

  /** An interaction from another server's channel, where the bot may do everything. */
  const inOtherGuild = (g: FakeGuild) => ({
    guild_id: g.id,
    channel_id: g.channel,
    channel: {
      id: g.channel,
      type: 0,
      guild_id: g.id,
      name: 'study',
      flags: 0,
      permissions: '2251799813685247',
    },
    authorizing_integration_owners: { '0': g.id },
  });

  /** A click on a message in a thread comes from the thread (a channel of type 11 in the channel). */
  const where = (message: StoredMessage) => {
    const thread = state.threads.get(message.channelId);
    if (thread === undefined) return {};
    return {
      channel_id: message.channelId,
      channel: {
        id: message.channelId,
        type: 11,
        guild_id: GUILD_ID,
        parent_id: thread.parent,
        name: thread.name,
        flags: 0,
        permissions: '2251799813685247',
        thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false },
      },
    };
  };

  const interact = (
    type: number,
    user: FakeUser,
    data: Record<string, unknown>,
    extra = {},
    dm = false,
  ): Handle => {
    const id = state.snowflake();
    const inGuild = base(id, type, user, data, { attachment_size_limit: state.uploadLimit, ...extra });
    const payload = dm ? inDm(inGuild) : inGuild;
    const record: InteractionRecord = {
      id,
      token: String(payload.token),
      type,
      payload,
      callbacks: [],
      expired: false,
      original: null,
      followups: [],
      choices: null,
      modal: null,
      createdAt: state.clock(),
      timer: setTimeout(() => {
        record.expired = true;
        state.rejections.push({
          method: 'ACK',
          path: `interaction ${id}`,
          status: 0,
          body: 'not acknowledged within 3 s',
        });
        state.changed();
      }, settings.ackWindowMs),
    };
    state.interactions.set(id, record);
    state.byToken.set(record.token, record);
    gateway.dispatch('INTERACTION_CREATE', payload);
    return {
      record,
      reply: () =>
        waitFor(() =>
          record.original !== null && (record.original.flags & 128) === 0 ? record.original : null,
        ),
      answer: () =>
        waitFor(() => {
          const { original, followups } = record;
          if (original?.deleted) return followups[0];
          return original !== null && (original.flags & 128) === 0 ? original : null;
        }),
      followups: (count) => waitFor(() => (record.followups.length >= count ? record.followups : null)),
      choices: () => waitFor(() => record.choices),
      modal: () => waitFor(() => record.modal),
    };
  };

  return {
    restUrl: rest.url,
    gateway,
    state,
    options: settings,
    command: (user, path, inputs = {}, at = {}) =>
      interact(
        2,
        user,
        commandData(definitions, commandIds.get(path.split(' ')[0] ?? '') ?? '', path, inputs, null),
        at.channel === QUIET_CHANNEL_ID
          ? quietChannel()
          : at.guild === undefined
            ? {}
            : inOtherGuild(at.guild),
        at.dm === true,
      ),
    messageCommand: (user, name, author, content, attachments = []) =>
      interact(
        2,
        user,
        messageCommandData(
          state.snowflake(),
          name,
          userMessage(state.snowflake(), author, content, attachments),
        ),
      ),
    autocomplete: (user, path, inputs, focused) =>
      interact(
        4,
        user,
        commandData(definitions, commandIds.get(path.split(' ')[0] ?? '') ?? '', path, inputs, focused),
      ),
    click: (user, message, customId) =>
      interact(
        3,
        user,
        { custom_id: customId, component_type: 2 },
        { message: messageJson(message), ...where(message) },
      ),
    select: (user, message, customId, values) =>
      interact(
        3,
        user,
        { custom_id: customId, component_type: 3, values },
        { message: messageJson(message), ...where(message) },
      ),
    submitModal: (user, modal, values, at = {}) =>
      interact(
        5,
        user,
        modalSubmitData(String(modal.custom_id), values),
        at.channel === QUIET_CHANNEL_ID ? quietChannel() : {},
      ),
    attachment(filename, text, delayMs = 0, contentType = typeOfName(filename)) {
      const id = state.snowflake();
      const path = `/attachments/${CHANNEL_ID}/${id}/${filename}`;
      state.attachments.set(path, { text, delayMs });
      const url = `${rest.url.replace(/\/api$/, '')}${path}`;
      return {
        id,
        filename,
        size: Buffer.byteLength(text),
        url,
        proxy_url: url,
        content_type: contentType,
      };
    },
    channelMessages: () =>
      [...state.messages.values()].filter((m) => m.channelId === CHANNEL_ID && !m.deleted),
    waitFor,
    close: async () => {
      for (const record of state.interactions.values()) if (record.timer !== null) clearTimeout(record.timer);
      await gateway.close();
      await closeServer(rest.server);
    },
  };
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

export { APP_ID };

/** The content type Discord records for an upload, by its name as a browser would tell it. */
function typeOfName(filename: string): string {
  if (/\.png$/i.test(filename)) return 'image/png';
  if (/\.jpe?g$/i.test(filename)) return 'image/jpeg';
  if (/\.ya?ml$/i.test(filename)) return 'application/x-yaml';
  if (/\.json$/i.test(filename)) return 'application/json';
  return 'text/plain; charset=utf-8';
}
