import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { runConsole } from './adapters/console/console.ts';
import { startDiscord } from './adapters/discord/bot.ts';
import { slackOptionsFrom, startSlack } from './adapters/slack/slack.ts';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { loadLabCatalogue } from './lab/load.ts';
import { createLogger } from './log.ts';

/**
 * `podium` starts Discord and/or Slack when their credentials are set, and the console otherwise.
 * `podium console [--user NAME] [--db FILE] [--json]` always starts the console.
 */
async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: 'string', default: process.env.USER ?? 'me' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-timers': { type: 'boolean', default: false },
    },
  });
  const config = readConfig(process.env);
  const mode = positionals[0] ?? (config.discord || config.slack ? 'bots' : 'console');
  const log = createLogger(mode === 'console' ? (process.env.LOG_LEVEL ?? 'warn') : config.logLevel);
  // A broken lab file refuses start-up (file:line:column: field: message) before any member sees it.
  const labs = loadLabCatalogue(process.env.PODIUM_LABS_DIR);
  if (!labs.ok) {
    process.stderr.write(`podium: ${labs.error}\n`);
    return 1;
  }
  const app = createApp({ dbPath: values.db ?? config.dbPath, log, defaultLang: config.defaultLang });
  if (!app.ok) {
    process.stderr.write(`podium: ${app.error}\n`);
    return 1;
  }
  if (mode === 'console') {
    await runConsole(app.value, {
      user: values.user,
      json: values.json,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true && !values.json,
    });
    app.value.db.close();
    return 0;
  }
  if (mode === 'bots') {
    const stops: (() => Promise<void>)[] = [];
    const discordApi = process.env.DISCORD_API_URL;
    if (config.discord) {
      const options = { token: config.discord.token, ...(discordApi ? { api: discordApi } : {}) };
      stops.push((await startDiscord(app.value, options)).stop);
    }
    if (config.slack) stops.push((await startSlack(app.value, slackOptionsFrom(config.slack))).stop);
    await untilSignal();
    for (const stop of stops) await stop();
    app.value.db.close();
    return 0;
  }
  process.stderr.write(`podium: unknown mode "${mode}"; try "podium console"\n`);
  return 2;
}

/** Resolves on Ctrl-C or a service manager's stop, so the bots disconnect cleanly. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

process.exitCode = await main(process.argv.slice(2));
