import type { AddressInfo } from 'node:net';
import { App as Bolt, HTTPReceiver, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../../commands/index.ts';
import type { App, ChatCommand } from '../../chat/context.ts';
import type { Outbox } from '../../chat/outbox.ts';
import type { Config } from '../../config.ts';
import { type Executor, inProcessExecutor } from '../../executor/executor.ts';
import { boltLogger, levelOf } from './bolt-logger.ts';
import { registerListeners } from './listeners.ts';
import { slackOutbox } from './outbox.ts';
import { closePostingThread, postingThread } from './posting-thread.ts';

/**
 * The Slack bot: the real Bolt app over Socket Mode (an app-level token; no public URL needed,
 * the default for a study group behind NAT) or HTTP (a signing secret and a port for the Request
 * URL). Both endpoints Slack talks to are options, so tests point them at a local fake.
 */
export interface SlackOptions {
  botToken: string;
  /** Socket Mode: the app-level token (`xapp-…`, scope `connections:write`). Wins over HTTP. */
  appToken?: string;
  /** HTTP mode: requests are verified with this secret. */
  signingSecret?: string;
  port?: number;
  host?: string;
  /** The Web API base URL (`apps.connections.open` included). Default https://slack.com/api/. */
  apiUrl?: string;
  /**
   * Web API retries. Slack's client default is about ten over thirty minutes, so one throttled
   * channel would hold a live quiz for half an hour; Podium ships {@link SLACK_RETRY}.
   */
  retries?: number;
  /** Socket Mode: how long a pong may take, and the step of the reconnect back-off. Default 5 s. */
  pingTimeoutMs?: number;
  /** HTTP mode: how long an un-acked request waits before a 404. Default about 3 s. */
  unhandledRequestTimeoutMs?: number;
  commands?: readonly ChatCommand[];
  /** Where commands run; in process by default. */
  executor?: Executor;
}

export interface SlackBot {
  bolt: Bolt;
  mode: 'socket' | 'http';
  /** The HTTP port listened on (HTTP mode), or null. */
  port: number | null;
  outbox: Outbox;
  stop(): Promise<void>;
  /** Starts what the first answers would otherwise wait for (the posting thread), once ready. */
  warm(): void;
  /**
   * Resolves with one line for the operator when Slack ends the connection for good (Socket
   * Mode: the app-level token refused on a reconnect): the bot cannot go on and should exit.
   */
  ended: Promise<string>;
}

/** Three tries within a few seconds (`Retry-After` is honoured between them); then the caller hears. */
export const SLACK_RETRY = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000, maxRetryTime: 10_000 };

export async function startSlack(app: App, options: SlackOptions): Promise<SlackBot> {
  const logger = boltLogger(app.log);
  // Each client gets its own options object: Bolt and the Socket Mode client both write into it.
  const clientOptions = () => ({
    slackApiUrl: options.apiUrl ?? 'https://slack.com/api/',
    retryConfig: options.retries === undefined ? SLACK_RETRY : { retries: options.retries },
  });
  const identity = await whoAmI(options, logger, clientOptions());
  const receiver = makeReceiver(options, logger, clientOptions());
  const bolt = new Bolt({
    token: options.botToken,
    // Checked once above: Bolt's own check would retry in the background for half an hour.
    tokenVerificationEnabled: false,
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver,
    logger,
    logLevel: levelOf(app.log.level),
    clientOptions: clientOptions(),
  });
  const commands = options.commands ?? CHAT_COMMANDS;
  const executor = options.executor ?? inProcessExecutor(app, commands, KUBECTL_VERBS);
  registerListeners(bolt, { app, commands, executor });
  let end: (reason: string) => void = () => {};
  const ended = new Promise<string>((resolve) => {
    end = resolve;
  });
  let port: number | null = null;
  if (receiver instanceof HTTPReceiver) {
    const server = await bolt.start({
      port: options.port ?? 3000,
      ...(options.host ? { host: options.host } : {}),
    });
    port = (server.address() as AddressInfo).port;
  } else {
    if (receiver instanceof SocketModeReceiver) refuseRevokedTokens(receiver.client, end);
    try {
      await bolt.start();
    } catch (error) {
      // Our own sentence travels inside the client's wrapper error (refuseRevokedTokens).
      const original = (error as { original?: unknown }).original;
      throw original instanceof Error ? original : error;
    }
    if (receiver instanceof SocketModeReceiver) endOnFailedReconnect(receiver.client, end);
  }
  const mode = receiver instanceof HTTPReceiver ? 'http' : 'socket';
  app.log.info({ platform: 'slack', mode, port }, 'slack connected');
  const outbox = slackOutbox(
    bolt.client,
    (channel) => app.channels.lang(channel) ?? app.defaultLang,
    app.clock,
  );
  // Live quizzes post questions, reveals and podiums through it; unfinished ones resume now.
  app.quiz.runner.attach('slack', outbox);
  return {
    bolt,
    mode,
    port,
    outbox,
    stop: async () => {
      await bolt.stop();
      await closePostingThread();
    },
    warm: () => {
      postingThread();
    },
    ended,
  };
}

/** What `apps.connections.open` answers for an app-level token that no longer works. */
const TOKEN_REFUSED = new Set([
  'not_authed',
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'user_removed_from_team',
  'team_disabled',
]);

/**
 * The Socket Mode client calls `apps.connections.open` on every (re)connect. When Slack refuses
 * the app-level token (revoked or regenerated while Podium ran), the client retries forever
 * with a growing back-off for some answers (`token_revoked`): a bot that silently does nothing.
 * A refusal is turned into an error the client does not retry, carrying one sentence for the
 * operator, and ends the bot.
 */
function refuseRevokedTokens(client: SocketModeReceiver['client'], end: (reason: string) => void): void {
  const connections = (client as unknown as { webClient: webApi.WebClient }).webClient.apps.connections;
  const open = connections.open.bind(connections);
  connections.open = async (args) => {
    try {
      return await open(args);
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === undefined || !TOKEN_REFUSED.has(code)) throw error;
      const refused = new Error(
        `Slack refused the app-level token (apps.connections.open: ${code}): it is wrong, revoked or regenerated; put a valid xapp- token with connections:write in SLACK_APP_TOKEN and start again`,
      );
      end(refused.message);
      throw new webApi.WebAPIRequestError(refused);
    }
  };
}

/**
 * After the first start, a reconnect that fails for good rejects inside the client with nobody
 * listening (an unhandled rejection and a stack trace); its `start`, which the reconnect calls,
 * is wrapped so the failure ends the bot with one line instead.
 */
function endOnFailedReconnect(client: SocketModeReceiver['client'], end: (reason: string) => void): void {
  const start = client.start.bind(client);
  client.start = async () => {
    try {
      return await start();
    } catch (error) {
      const original = (error as { original?: unknown }).original;
      end(
        original instanceof Error
          ? original.message
          : `Slack Socket Mode could not reconnect (${(error as Error).message})`,
      );
      return { ok: false } as Awaited<ReturnType<typeof start>>;
    }
  };
}

/** From `SLACK_BOT_TOKEN` + `SLACK_APP_TOKEN` (Socket Mode) or `SLACK_SIGNING_SECRET` + `PORT` (HTTP). */
export function slackOptionsFrom(slack: NonNullable<Config['slack']>): SlackOptions {
  return {
    botToken: slack.botToken,
    ...(slack.appToken === undefined ? {} : { appToken: slack.appToken }),
    ...(slack.signingSecret === undefined ? {} : { signingSecret: slack.signingSecret }),
    port: slack.port,
    ...(slack.apiUrl === undefined ? {} : { apiUrl: slack.apiUrl }),
  };
}

/**
 * `auth.test` with the bot token, a few tries only: a wrong token or an unreachable Slack stops
 * the start with a clear error instead of a bot that silently retries.
 */
async function whoAmI(
  options: SlackOptions,
  logger: ReturnType<typeof boltLogger>,
  clientOptions: { slackApiUrl: string },
): Promise<{ botId: string; botUserId: string }> {
  const retryConfig = { retries: Math.min(options.retries ?? 2, 2) };
  const client = new webApi.WebClient(options.botToken, { ...clientOptions, logger, retryConfig });
  try {
    const auth = await client.auth.test();
    return { botId: auth.bot_id ?? '', botUserId: auth.user_id ?? '' };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    throw new Error(`Slack refused the bot token or could not be reached (auth.test: ${code})`);
  }
}

function makeReceiver(
  options: SlackOptions,
  logger: ReturnType<typeof boltLogger>,
  clientOptions: { slackApiUrl: string },
): Receiver {
  if (options.appToken !== undefined) {
    return new SocketModeReceiver({
      appToken: options.appToken,
      logger,
      installerOptions: { clientOptions },
      ...(options.pingTimeoutMs === undefined ? {} : { clientPingTimeout: options.pingTimeoutMs }),
    });
  }
  if (options.signingSecret === undefined)
    throw new Error('Slack needs SLACK_APP_TOKEN or SLACK_SIGNING_SECRET');
  return new HTTPReceiver({
    signingSecret: options.signingSecret,
    logger,
    ...(options.unhandledRequestTimeoutMs === undefined
      ? {}
      : { unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMs }),
  });
}
