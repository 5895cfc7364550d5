import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { APP_ID, CHANNEL_ID, GUILD_ID } from './state.ts';

/**
 * INTERACTION_CREATE payloads as Discord sends them (the shapes discord.js was checked against
 * in chat-platforms.md §3.2): slash commands with typed options and resolved attachments,
 * autocomplete with the focused option, button and select clicks carrying the whole message,
 * and modal submits with Label-wrapped text inputs.
 */
type Json = Record<string, unknown>;

export interface FakeUser {
  id: string;
  username: string;
  global_name: string;
  /** The member's permissions in the channel (a bit field); every permission when absent. */
  permissions?: string;
  /** The language of the member's Discord app (`interaction.locale`); en-US when absent. */
  locale?: string;
}

export const member = (id: string, name: string, permissions?: string): FakeUser => ({
  id,
  username: name,
  global_name: name,
  ...(permissions === undefined ? {} : { permissions }),
});

/** View Channel, Send Messages, Read Message History: a member who is no moderator. */
export const PLAIN_MEMBER = String((1n << 10n) | (1n << 11n) | (1n << 16n));

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
}

export type OptionInput = string | number | boolean | FakeAttachment;

const ALL_PERMISSIONS = '2251799813685247';

export function base(id: string, type: number, fakeUser: FakeUser, data: Json, extra: Json = {}): Json {
  const { permissions = ALL_PERMISSIONS, locale = 'en-US', ...user } = fakeUser;
  return {
    id,
    application_id: APP_ID,
    type,
    data,
    token: `token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: {
      id: CHANNEL_ID,
      type: 0,
      guild_id: GUILD_ID,
      name: 'study',
      flags: 0,
      permissions: ALL_PERMISSIONS,
    },
    member: {
      user: { ...user, discriminator: '0', avatar: null },
      roles: [],
      permissions,
      joined_at: '2025-01-01T00:00:00.000Z',
      nick: null,
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: ALL_PERMISSIONS,
    locale,
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    attachment_size_limit: 10_485_760,
    ...extra,
  };
}

/**
 * `data` of a chat-input command: `path` is `name` or `name subcommand`; option types come from
 * the command definitions, as Discord knows them from registration.
 */
/** A member's message in the channel, as a message command's `resolved.messages` carries it. */
export function userMessage(
  id: string,
  author: FakeUser,
  content: string,
  attachments: FakeAttachment[] = [],
): Json {
  return {
    id,
    type: 0,
    channel_id: CHANNEL_ID,
    author: {
      id: author.id,
      username: author.username,
      global_name: author.global_name,
      discriminator: '0',
      avatar: null,
    },
    content,
    timestamp: '2025-01-15T10:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments,
    embeds: [],
    pinned: false,
    flags: 0,
    components: [],
  };
}

/** `data` of a message command (type 3) run on `message`. */
export function messageCommandData(commandId: string, name: string, message: Json): Json {
  return {
    id: commandId,
    name,
    type: 3,
    target_id: message.id,
    resolved: { messages: { [String(message.id)]: message } },
  };
}

export function commandData(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  commandId: string,
  path: string,
  inputs: Record<string, OptionInput>,
  focused: string | null,
): Json {
  const [name = '', subcommand] = path.split(' ');
  const definition = definitions.find((d) => d.name === name);
  if (definition === undefined) throw new Error(`no command /${name}`);
  const declared =
    subcommand === undefined
      ? (definition.options ?? [])
      : ((
          (definition.options ?? []).find((o) => o.name === subcommand && o.type === 1) as
            | { options?: unknown[] }
            | undefined
        )?.options ?? []);
  const attachments: Record<string, FakeAttachment> = {};
  const options = Object.entries(inputs).map(([key, value]) => {
    const spec = (declared as { name: string; type: number }[]).find((o) => o.name === key);
    if (spec === undefined) throw new Error(`/${path} has no option ${key}`);
    if (typeof value === 'object') {
      attachments[value.id] = value;
      return { name: key, type: spec.type, value: value.id };
    }
    return { name: key, type: spec.type, value, ...(key === focused ? { focused: true } : {}) };
  });
  const resolved = Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {};
  return {
    id: commandId,
    name,
    type: 1,
    guild_id: GUILD_ID,
    options: subcommand === undefined ? options : [{ name: subcommand, type: 1, options }],
    ...resolved,
  };
}

export function modalSubmitData(customId: string, values: Record<string, string>): Json {
  let id = 0;
  return {
    custom_id: customId,
    components: Object.entries(values).map(([key, value]) => ({
      type: 18,
      id: ++id,
      component: { type: 4, id: ++id, custom_id: key, value },
    })),
  };
}
