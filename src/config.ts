import { isLang, type Lang } from './i18n/lang.ts';
import { DEFAULT_DB_PATH } from './store/db.ts';

/** Configuration comes only from the environment (and `.env`); secrets are never logged. */
export interface Config {
  dbPath: string;
  defaultLang: Lang;
  logLevel: string;
  /** Where chat commands run on Discord and Slack: worker threads and their budgets. */
  executor: { workers: number; timeBudgetMs: number; memoryBudgetMb: number };
  discord?: { token: string; appId: string; guildId?: string; apiUrl?: string };
  slack?: { botToken: string; appToken?: string; signingSecret?: string; port: number; apiUrl?: string };
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const lang = env.PODIUM_LANG ?? 'ko';
  const config: Config = {
    dbPath: env.PODIUM_DB ?? DEFAULT_DB_PATH,
    defaultLang: isLang(lang) ? lang : 'ko',
    logLevel: env.LOG_LEVEL ?? 'info',
    executor: {
      workers: positive(env.PODIUM_WORKERS, 2),
      timeBudgetMs: positive(env.PODIUM_TIME_BUDGET_MS, 2000),
      memoryBudgetMb: positive(env.PODIUM_MEMORY_BUDGET_MB, 256),
    },
  };
  if (env.DISCORD_TOKEN && env.DISCORD_APP_ID) {
    config.discord = {
      token: env.DISCORD_TOKEN,
      appId: env.DISCORD_APP_ID,
      ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
      // Only for tests and benchmarks against a local fake of Discord.
      ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    };
  }
  if (env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)) {
    config.slack = {
      botToken: env.SLACK_BOT_TOKEN,
      ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
      ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
      port: Number(env.PORT ?? 3000),
      // Only for tests and benchmarks against a local fake of Slack (the Web API base, `…/api/`).
      ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL.replace(/\/?$/, '/') } : {}),
    };
  }
  return config;
}

/**
 * A platform half configured (a token without its partner): the variable still missing, said in
 * one line, or null. Starting the console instead would hide the mistake from the operator.
 */
export function partialCredentials(env: NodeJS.ProcessEnv): string | null {
  if (env.DISCORD_TOKEN && !env.DISCORD_APP_ID)
    return 'DISCORD_TOKEN is set but DISCORD_APP_ID is not (General Information → Application ID)';
  if (env.DISCORD_APP_ID && !env.DISCORD_TOKEN)
    return 'DISCORD_APP_ID is set but DISCORD_TOKEN is not (Bot → Reset Token)';
  const slackSecond = env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET;
  if (env.SLACK_BOT_TOKEN && !slackSecond)
    return 'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is';
  if (slackSecond && !env.SLACK_BOT_TOKEN) {
    const which = env.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET';
    return `${which} is set but SLACK_BOT_TOKEN is not (Install App → Bot User OAuth Token)`;
  }
  return null;
}

/** A positive whole number from the environment, or the default when unset or not one. */
function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}
