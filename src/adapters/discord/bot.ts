import { once } from 'node:events';
import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../../commands/index.ts';
import type { App } from '../../chat/context.ts';
import type { Outbox } from '../../chat/outbox.ts';
import { type Executor, inProcessExecutor } from '../../executor/executor.ts';
import { commandPayloads } from './commands.ts';
import { createIdTable } from './custom-id.ts';
import { fatalClose } from './fatal.ts';
import { interactionHandler } from './interactions.ts';
import { createSelections } from './selections.ts';
import { discordOutbox, NO_MENTIONS } from './send.ts';

/**
 * The Discord bot: a discord.js client on the gateway with only the Guilds intent (slash
 * commands, buttons and modals need no message content), answering every interaction through
 * dispatch. The REST base is configurable so tests point it at a fake on 127.0.0.1; the gateway
 * URL is whatever that REST API's `GET /gateway/bot` returns.
 */
export interface DiscordBotOptions {
  token: string;
  /** The REST API base without the version, e.g. `http://127.0.0.1:8080/api`; Discord's by default. */
  api?: string;
  /** How long to wait for guilds listed in READY (discord.js waits 15 s by default). */
  waitGuildTimeout?: number;
  /**
   * Per-request REST timeout and retries (discord.js: 15 s, 3 retries); Podium ships
   * {@link DISCORD_REST}: three tries in all, and a rate limit that would hold a request longer
   * than a few seconds fails it instead, so the live quiz's host is told.
   */
  restTimeout?: number;
  restRetries?: number;
  /** discord.js' gateway options (tests replace the 5-second identify throttle). */
  ws?: ClientOptions['ws'];
  /** Where commands run; in process by default. */
  executor?: Executor;
}

export interface DiscordBot {
  client: Client<true>;
  outbox: Outbox;
  stop(): Promise<void>;
  /**
   * Resolves with one line for the operator when Discord ends the session for good (a fatal
   * gateway close such as 4004 after a token reset): the bot cannot go on and should exit.
   */
  ended: Promise<string>;
}

export const DISCORD_REST = { retries: 2, timeout: 10_000, longestRateLimitWaitMs: 5000 };

export async function startDiscord(app: App, options: DiscordBotOptions): Promise<DiscordBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // As many shards as Discord recommends (GET /gateway/bot), all in this process: sandboxes,
    // quizzes and settings are keyed by guild, so they partition the way shards do.
    shards: 'auto',
    allowedMentions: NO_MENTIONS,
    rest: {
      ...(options.api === undefined ? {} : { api: options.api }),
      timeout: options.restTimeout ?? DISCORD_REST.timeout,
      retries: options.restRetries ?? DISCORD_REST.retries,
      rejectOnRateLimit: (limit) => limit.retryAfter > DISCORD_REST.longestRateLimitWaitMs,
    },
    ...(options.waitGuildTimeout === undefined ? {} : { waitGuildTimeout: options.waitGuildTimeout }),
    ...(options.ws === undefined ? {} : { ws: options.ws }),
  });
  const ids = createIdTable();
  // Made just after READY rather than before login: the slash commands' definitions it reads take
  // a tenth of a second to build, which the start need not wait for.
  let handle: ReturnType<typeof interactionHandler> | null = null;
  const handler = () => {
    handle ??= interactionHandler({
      app,
      executor: options.executor ?? inProcessExecutor(app, CHAT_COMMANDS, KUBECTL_VERBS),
      commands: CHAT_COMMANDS,
      verbs: KUBECTL_VERBS,
      definitions: commandPayloads(),
      ids,
      selections: createSelections(),
    });
    return handle;
  };
  client.on(Events.InteractionCreate, (interaction) => void handler()(interaction));
  client.on(Events.Error, (error) =>
    app.log.error({ err: error, platform: 'discord' }, 'discord client error'),
  );
  let stopping = false;
  client.on(Events.ShardReconnecting, (shard) => {
    // discord.js reports its own shutdown as a reconnect too; only a real one is news.
    if (!stopping) app.log.info({ shard, platform: 'discord' }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard) => app.log.info({ shard, platform: 'discord' }, 'gateway resumed'));
  let end: (reason: string) => void = () => {};
  const ended = new Promise<string>((resolve) => {
    end = resolve;
  });
  client.on(Events.ShardDisconnect, (event) => {
    const reason = fatalClose(event.code);
    if (reason !== null && !stopping) end(reason);
  });
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(options.token);
  } catch (error) {
    await client.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    const refused =
      typeof error === 'object' && error !== null && 'code' in error && error.code === 'TokenInvalid';
    throw new Error(`Discord login failed: ${reason}${refused ? ' (check DISCORD_TOKEN)' : ''}`);
  }
  const [readyClient] = (await ready) as [Client<true>];
  app.log.info(
    { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, platform: 'discord' },
    'discord ready',
  );
  setImmediate(handler);
  const outbox = discordOutbox(client.rest, ids, (channel) => app.channels.lang(channel) ?? app.defaultLang);
  // Live quizzes speak through it from now on, resuming any a restart interrupted.
  app.quiz.runner.attach('discord', outbox);
  const stop = () => {
    stopping = true;
    return client.destroy();
  };
  return { client: readyClient, outbox, stop, ended };
}
