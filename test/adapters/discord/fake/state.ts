import { EventEmitter } from 'node:events';
import { EPHEMERAL } from './limits.ts';

/** Everything the fake Discord remembers, and a way for tests to wait until it changes. */
export const TOKEN = 'fake.bot.token';
export const APP_ID = '1100000000000000001';
export const GUILD_ID = '1100000000000000002';
export const CHANNEL_ID = '1100000000000000003';
/**
 * A second text channel where the bot may see and answer interactions but not send messages of
 * its own (a permission overwrite denies Send Messages): Discord answers 403 50013 there.
 */
export const QUIET_CHANNEL_ID = '1100000000000000004';
/**
 * A second server with one text channel, for sharding: with 2 shards it is on shard 0 and
 * GUILD_ID on shard 1 (`(guild_id >> 22) % 2`).
 */
export const SECOND_GUILD = {
  id: '1100000000004194306',
  channel: '1100000000004194307',
  name: 'second study group',
};
export const MAIN_GUILD = { id: GUILD_ID, channel: CHANNEL_ID, name: 'k8s study group' };
/** View Channel and Read Message History only. */
export const QUIET_PERMISSIONS = String((1n << 10n) | (1n << 16n));
export const BOT_USER = {
  id: APP_ID,
  username: 'podium',
  discriminator: '0',
  global_name: 'Podium',
  avatar: null,
  bot: true,
};

type Json = Record<string, unknown>;

export interface StoredFile {
  name: string;
  text: string;
  /** The raw bytes (a picture's PNG), as the multipart part carried them. */
  bytes: Uint8Array;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  content: string;
  components: unknown[];
  flags: number;
  files: StoredFile[];
  /** The `allowed_mentions` the bot sent with the last write (undefined when it sent none). */
  allowedMentions: unknown;
  /** The interaction this message answers, if any. */
  interactionId: string | null;
  edits: number;
  deleted: boolean;
}

export interface Rejection {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  payload: Json;
  /** Callback types received, in order (a second one is a rejection). */
  callbacks: number[];
  expired: boolean;
  original: StoredMessage | null;
  followups: StoredMessage[];
  choices: { name: string; value: unknown }[] | null;
  modal: Json | null;
  timer: NodeJS.Timeout | null;
  /** When Discord created it (the fake's clock): its token works for 15 minutes. */
  createdAt: number;
}

export interface FakeState {
  events: EventEmitter;
  messages: Map<string, StoredMessage>;
  interactions: Map<string, InteractionRecord>;
  byToken: Map<string, InteractionRecord>;
  rejections: Rejection[];
  /** Every body the bot sent that becomes a message (for mention checks). */
  writes: { path: string; body: Json }[];
  commandPuts: { path: string; body: unknown }[];
  attachments: Map<string, { text: string; delayMs: number }>;
  /** Threads the bot opened on a channel message, by thread id. */
  threads: Map<string, { parent: string; messageId: string; name: string }>;
  /** The bot lacks Create Public Threads in the channel: opening one is refused (403 50013). */
  threadsRefused: boolean;
  /** Channels where the bot's messages are refused with 403 50013 (QUIET from the start). */
  closedChannels: Set<string>;
  /**
   * Channels whose next message posts answer 429 (a shared rate limit, `retry_after` seconds):
   * how many, and how long Discord asks the bot to wait.
   */
  throttled: Map<string, { times: number; retryAfter: number }>;
  /**
   * The server's upload limit in bytes (10 MiB without boosts), sent as each interaction's
   * `attachment_size_limit`; a request whose files are larger is refused (413, 40005).
   */
  uploadLimit: number;
  /** Direct-message channels the bot opened (`POST /users/@me/channels`), by id: the member. */
  dms: Map<string, string>;
  /**
   * The fake's clock (epoch ms), for lifetimes longer than a test should wait (an interaction
   * token's 15 minutes); tests give it the app's clock.
   */
  clock: () => number;
  snowflake(): string;
  changed(): void;
}

export function createState(): FakeState {
  let next = 1_200_000_000_000_000_000n;
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    events,
    messages: new Map(),
    interactions: new Map(),
    byToken: new Map(),
    rejections: [],
    writes: [],
    commandPuts: [],
    attachments: new Map(),
    threads: new Map(),
    threadsRefused: false,
    closedChannels: new Set([QUIET_CHANNEL_ID]),
    dms: new Map(),
    uploadLimit: 10_485_760,
    throttled: new Map(),
    clock: () => Date.now(),
    snowflake: () => String(next++),
    changed: () => events.emit('change'),
  };
}

/** A message written by the bot: stored, and returned as the full message object discord.js builds on. */
export function storeMessage(
  state: FakeState,
  channelId: string,
  body: Json,
  files: StoredFile[],
  interactionId: string | null,
): StoredMessage {
  const message: StoredMessage = {
    id: state.snowflake(),
    channelId,
    content: typeof body.content === 'string' ? body.content : '',
    components: Array.isArray(body.components) ? body.components : [],
    flags: typeof body.flags === 'number' ? body.flags : 0,
    files,
    allowedMentions: body.allowed_mentions,
    interactionId,
    edits: 0,
    deleted: false,
  };
  state.messages.set(message.id, message);
  return message;
}

export function editMessage(message: StoredMessage, body: Json, files: StoredFile[]): void {
  if (typeof body.content === 'string') message.content = body.content;
  if (Array.isArray(body.components)) message.components = body.components;
  if (Array.isArray(body.attachments)) {
    const keep = new Set(body.attachments.map((a) => String((a as Json).id)));
    message.files = message.files.filter((_, i) => keep.has(String(i))).concat(files);
  } else {
    message.files = message.files.concat(files);
  }
  message.allowedMentions = body.allowed_mentions;
  message.flags &= ~128; // a deferred response's "thinking…" state ends with its first edit
  message.edits += 1;
}

export const isEphemeral = (message: StoredMessage) => (message.flags & EPHEMERAL) !== 0;

export function messageJson(message: StoredMessage): Json {
  return {
    id: message.id,
    channel_id: message.channelId,
    guild_id: GUILD_ID,
    author: BOT_USER,
    content: message.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: message.edits > 0 ? new Date().toISOString() : null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.files.map((f, i) => ({
      id: `${message.id}${i}`,
      filename: f.name,
      size: Buffer.byteLength(f.text),
      url: `https://cdn.invalid/${f.name}`,
      proxy_url: `https://cdn.invalid/${f.name}`,
    })),
    embeds: [],
    pinned: false,
    type: message.interactionId === null ? 0 : 20,
    flags: message.flags,
    components: message.components,
    ...(message.interactionId === null ? {} : { webhook_id: APP_ID, application_id: APP_ID }),
  };
}
