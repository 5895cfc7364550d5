import { config as loadDotenv } from 'dotenv';
// Loaded, not used: `podium` (src/main.ts) imports the console and Discord adapters before it
// knows which platform starts, so a Slack start pays for them too.
import '../src/adapters/console/console.ts';
import '../src/adapters/discord/bot.ts';
import { createApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { loadLabCatalogue } from '../src/lab/load.ts';
import { createLogger } from '../src/log.ts';
import { loadBanks } from '../src/quiz/banks.ts';
import { REAL_TIMERS } from '../src/quiz/live-runner.ts';

/**
 * B4's Slack process: the steps `podium` takes in bots mode to start Slack (labs and quiz banks
 * loaded and checked, the database opened, the adapter imported and started), pointed at the fake
 * Slack through B4_SLACK_API, for which the app's configuration has no variable. Prints `ready`
 * once `startSlack` resolves (HTTP: auth.test passed and the port listens; Socket Mode: the
 * socket said hello), and stops on SIGTERM.
 */
loadDotenv({ quiet: true });
const config = readConfig(process.env);
const apiUrl = process.env.B4_SLACK_API;
if (config.slack === undefined || apiUrl === undefined) throw new Error('set SLACK_* and B4_SLACK_API');
const log = createLogger(config.logLevel);
const labs = loadLabCatalogue(process.env.PODIUM_LABS_DIR);
const banks = loadBanks(process.env.PODIUM_QUIZZES_DIR);
if (!labs.ok || !banks.ok) throw new Error('the labs or quiz banks do not load');
const app = createApp({
  dbPath: config.dbPath,
  log,
  defaultLang: config.defaultLang,
  banks: banks.value,
  timers: REAL_TIMERS,
});
if (!app.ok) throw new Error(app.error);
const { slackOptionsFrom, startSlack } = await import('../src/adapters/slack/slack.ts');
const bot = await startSlack(app.value, { ...slackOptionsFrom(config.slack), apiUrl, host: '127.0.0.1' });
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void bot.stop().then(() => {
    app.value.quiz.runner.shutdown();
    app.value.db.close();
  });
});
