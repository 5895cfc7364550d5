import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { readConfig } from '../../config.ts';
import { registrationPayloads } from './commands.ts';

/**
 * `npm run discord:register`: one bulk PUT of every slash command, which replaces the whole set.
 * With `DISCORD_GUILD_ID` the commands are the guild's (they appear at once: use this for the
 * class server and for development); without it they are global. A deploy step, not part of
 * start-up: Discord allows 200 command creates a day per guild.
 */
export interface RegisterOptions {
  token: string;
  appId: string;
  guildId?: string;
  /** The REST API base without the version; Discord's by default. */
  api?: string;
}

export async function registerCommands(options: RegisterOptions): Promise<{ route: string; count: number }> {
  const rest = new REST({ ...(options.api === undefined ? {} : { api: options.api }), retries: 1 }).setToken(
    options.token,
  );
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(options.appId)
      : Routes.applicationGuildCommands(options.appId, options.guildId);
  const body = registrationPayloads();
  const saved = (await rest.put(route, { body })) as unknown[];
  return { route, count: saved.length };
}

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const discord = readConfig(process.env).discord;
  if (discord === undefined) {
    process.stderr.write(
      'discord:register needs DISCORD_TOKEN and DISCORD_APP_ID (in the environment or .env)\n',
    );
    return 2;
  }
  const api = process.env.DISCORD_API_URL;
  const { route, count } = await registerCommands({ ...discord, ...(api ? { api } : {}) });
  const where = discord.guildId === undefined ? 'globally' : `in guild ${discord.guildId}`;
  process.stdout.write(`registered ${count} commands ${where} (PUT ${route})\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main().catch((error: unknown) => {
    process.stderr.write(
      `discord:register failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  });
}
